import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createAssessment, serializeAssessment } from '../../../src/core/assessment/assessment';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import { cli, tempFile } from './helpers';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import { miniData, miniQuestionnaire, risk } from '../core/helpers';

const MINI = 'tests/fixtures/mini-questionnaire.json';
const mini = miniQuestionnaire();

/** An assessment of the mini questionnaire with the "high risk" answers of the core tests. */
async function assessment(extra: Partial<Assessment> = {}, embed = true): Promise<Assessment> {
  const a = await createAssessment(
    mini,
    { title: 'Benefits', systemName: 'Model', organisation: 'City', owner: 'Team', locale: 'en' },
    { id: 'a1', now: '2025-01-01T00:00:00.000Z', embedQuestionnaire: embed },
  );
  return {
    ...a,
    answers: {
      purpose: 'Allocate benefits',
      personalData: true,
      dataKinds: ['health', 'ethnicity'],
      legalGround: 'no',
      groundText: 'kept but hidden',
      automated: 'checked',
      usersPerYear: 100,
    },
    ...extra,
  };
}

const file = (a: Assessment) => tempFile(serializeAssessment(a), 'a.fria.json');

describe('score', () => {
  it('prints levels, ratios, red flags and trace per domain (embedded questionnaire)', async () => {
    const r = await cli('score', file(await assessment()));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.overall).toEqual({ level: 'veryHigh', aggregation: 'max', redFlags: [] });
    expect(j.complete).toBe(true);
    expect(Object.keys(j.domains)).toEqual(['privacy', 'autonomy', 'inclusion']);
    // By hand (see tests/unit/core/scoring.test.ts): privacy 12/13, autonomy 2/4, inclusion 2/2.
    expect(j.domains.privacy).toMatchObject({
      raw: 12,
      max: 13,
      ratio: 12 / 13,
      level: 'veryHigh',
      computed: 'veryHigh',
      registerLevel: null,
      override: null,
      redFlags: ['specialNoGround'],
    });
    expect(j.domains.autonomy).toMatchObject({ raw: 2, max: 4, ratio: 0.5, level: 'medium' });
    expect(j.domains.inclusion).toMatchObject({ raw: 2, max: 2, ratio: 1, level: 'veryHigh' });
    expect(j.domains.autonomy.trace).toEqual([
      { kind: 'answer', questionId: 'automated', options: ['checked'], got: 2, max: 4 },
      { kind: 'ratio', raw: 2, max: 4, ratio: 0.5 },
      { kind: 'thresholds', ratio: 0.5, thresholds: [0.25, 0.5, 0.75], level: 'medium' },
    ]);
    expect(j.questionnaire).toMatchObject({
      id: 'mini',
      version: '1.0.0',
      source: 'embedded',
      hashMatches: true,
    });
    expect(j.register).toEqual([]);
    expect(j.overrides).toEqual({});
    expect(j.conclusion).toBeNull();
  });

  it('shows register level, computed and override side by side, and echoes the human parts', async () => {
    const a = await assessment({
      register: [risk('r1', 'autonomy', 4, 4)], // residual 16 → high
      overrides: { inclusion: { level: 'medium', justification: 'Only adults, checked by hand' } },
      conclusion: {
        decision: 'proceedWithConditions',
        reasoning: 'With review',
        conditions: ['x'],
      },
    });
    const j = JSON.parse((await cli('score', file(a))).out);
    expect(j.domains.autonomy).toMatchObject({
      answerLevel: 'medium',
      registerLevel: 'high',
      registerRisk: 'r1',
      computed: 'high',
      level: 'high',
    });
    expect(j.domains.inclusion).toMatchObject({
      computed: 'veryHigh',
      override: { level: 'medium', justification: 'Only adults, checked by hand' },
      level: 'medium',
    });
    expect(j.domains.inclusion.trace.at(-1)).toEqual({
      kind: 'override',
      from: 'veryHigh',
      to: 'medium',
      justification: 'Only adults, checked by hand',
    });
    expect(j.register).toEqual(a.register);
    expect(j.overrides).toEqual(a.overrides);
    expect(j.conclusion).toEqual(a.conclusion);
  });

  it('an open required question makes the result incomplete', async () => {
    const a = await assessment();
    delete a.answers.purpose;
    const j = JSON.parse((await cli('score', file(a))).out);
    expect(j.complete).toBe(false);
    expect(j.openRequired).toEqual(['purpose']);
  });

  it('without an embedded copy, --questionnaire gives the questionnaire', async () => {
    const r = await cli('score', file(await assessment({}, false)), '--questionnaire', MINI);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.questionnaire).toMatchObject({ source: 'file', file: MINI, hashMatches: true });
    expect(j.domains.privacy.level).toBe('veryHigh');
  });

  it('--questionnaire wins over the embedded copy, and says so (the same rule as report)', async () => {
    const r = await cli('score', file(await assessment()), '--questionnaire', MINI);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).questionnaire).toMatchObject({ source: 'file', file: MINI });
    expect(r.err).toMatch(/as --questionnaire asks; the copy embedded in .* is not/);
  });

  it('warns when the questionnaire is not the one the assessment was made with', async () => {
    const q = miniData() as { thresholds: number[] };
    q.thresholds = [0.2, 0.5, 0.75];
    const r = await cli(
      'score',
      file(await assessment({}, false)),
      '--questionnaire',
      tempFile(q, 'q.json'),
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^Warning: questionnaire "mini" 1\.0\.0 \(file\) is not the exact one/);
    expect(JSON.parse(r.out).questionnaire.hashMatches).toBe(false);
  });

  it('warns when the embedded copy was changed after the assessment was made', async () => {
    const a = await assessment();
    a.questionnaireSnapshot!.thresholds = [0.1, 0.2, 0.3];
    const r = await cli('score', file(a));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /^Warning: questionnaire "mini" 1\.0\.0 \(embedded\) is not the exact one/,
    );
    // Scored with the copy as it is now: autonomy 0.5 is above 0.3 → veryHigh.
    expect(JSON.parse(r.out).domains.autonomy.level).toBe('veryHigh');
  });

  it('no questionnaire to be found: exit 1 with what to do', async () => {
    const r = await cli('score', file(await assessment({}, false)));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('questionnaire "mini" version 1.0.0, which is not embedded');
    expect(r.err).toContain('--questionnaire <file.json>');
  });

  it('an embedded questionnaire that breaks the rules is refused with its problems', async () => {
    const a = await assessment();
    a.questionnaireSnapshot!.redFlags![0]!.minLevel = 'extreme';
    const r = await cli('score', file(a));
    expect(r.code).toBe(1);
    expect(r.err).toContain('redFlags[0].minLevel: Unknown level "extreme".');
  });

  it('an invalid --questionnaire is refused with its problems', async () => {
    const q = miniData() as { thresholds: number[] };
    q.thresholds = [0.5];
    const r = await cli(
      'score',
      file(await assessment({}, false)),
      '--questionnaire',
      tempFile(q),
      '--lang',
      'nl',
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'thresholds: Aantal drempels: 1, maar 4 niveaus hebben er precies 3 nodig.',
    );
  });

  it('unreadable assessments: exit 1 with every problem', async () => {
    const notJson = await cli('score', tempFile('{"format":'));
    expect(notJson.code).toBe(1);
    expect(notJson.err).toMatch(
      /is not a readable assessment:\n {2}\(file\): The file is not valid JSON/,
    );

    const newer = await cli('score', file({ ...(await assessment()), formatVersion: 2 as 1 }));
    expect(newer.code).toBe(1);
    expect(newer.err).toContain(
      'formatVersion: This file was made by a newer version of FRIA Wizard',
    );

    const questionnaire = await cli('score', MINI, '--lang', 'nl');
    expect(questionnaire.code).toBe(1);
    expect(questionnaire.err).toContain('format: Dit is geen beoordelingsbestand van FRIA Wizard.');

    const damaged = JSON.parse(serializeAssessment(await assessment())) as Record<string, unknown>;
    delete damaged.meta;
    damaged.answers = { q: null };
    const d = await cli('score', tempFile(damaged));
    expect(d.code).toBe(1);
    expect(d.err).toContain('  meta: This field is required but missing.');
    expect(d.err).toContain('  answers.q:');
  });

  it.each([
    [[]],
    [['a', 'b']],
    [['x.json', '--lang', 'fr']],
    [['x.json', '--json']],
    [['missing.json']],
  ])('usage errors exit 2: %j', async (args) => {
    const r = await cli('score', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain('score <assessment.json|report.pdf>');
  });
});

describe('score on the built-in example assessments', () => {
  const ids = readdirSync('questionnaires', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

  it.each(ids)('%s: every fixture scores as its expected.json says', async (id) => {
    const dir = `questionnaires/${id}/fixtures`;
    const expected = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as Record<
      string,
      { overall: string; domains: Record<string, string>; redFlags: string[] }
    >;
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    for (const [name, want] of Object.entries(expected)) {
      const r = await cli('score', `${dir}/${name}`);
      // Built in, with the hash the fixture was made with: no warning.
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      expect(j.questionnaire.source).toBe('builtin');
      expect(j.overall.level).toBe(want.overall);
      expect(
        Object.fromEntries(
          Object.entries(j.domains as Record<string, { level: string }>).map(([d, v]) => [
            d,
            v.level,
          ]),
        ),
      ).toEqual(want.domains);
      expect(j.redFlags.map((f: { id: string }) => f.id).sort()).toEqual([...want.redFlags].sort());
    }
  });

  it('a changed content hash is warned about, the scores still printed', async () => {
    const dir = `questionnaires/${ids[0]}/fixtures`;
    const name = readdirSync(dir).find((f) => f.endsWith('.fria.json'))!;
    const a = JSON.parse(readFileSync(`${dir}/${name}`, 'utf8')) as Assessment;
    a.questionnaire.hash = '0'.repeat(64);
    const r = await cli('score', tempFile(a));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^Warning: questionnaire .* \(builtin\) is not the exact one/);
    expect(JSON.parse(r.out).questionnaire.hashMatches).toBe(false);
  });

  it('lists stored answers that are not counted, with why: an exclusive option mixed with others', async () => {
    const data = miniData() as { sections: { questions: Record<string, unknown>[] }[] };
    const kinds = data.sections.flatMap((x) => x.questions).find((x) => x.id === 'dataKinds')!;
    (kinds.options as unknown[]).push({
      id: 'none',
      label: { nl: 'Geen van deze', en: 'None of these' },
      exclusive: true,
    });
    const v = validateQuestionnaire(data);
    if (!v.valid) throw new Error(JSON.stringify(v.problems));
    const base = await createAssessment(
      v.questionnaire,
      { title: 'T', systemName: 'S', organisation: 'O', owner: 'E', locale: 'en' },
      { id: 'x', now: '2025-01-01T00:00:00.000Z' },
    );
    const a = { ...base, answers: { personalData: true, dataKinds: ['health', 'none'] } };
    const j = JSON.parse((await cli('score', file(a))).out);
    expect(j.notCounted).toEqual([{ question: 'dataKinds', reason: 'mixedExclusive' }]);
    const fine = JSON.parse(
      (await cli('score', file({ ...a, answers: { personalData: true, dataKinds: ['none'] } })))
        .out,
    );
    expect(fine.notCounted).toEqual([]);
  });
});
