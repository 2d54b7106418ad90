/**
 * `score` and `report` pick the questionnaire by one rule (src/cli/questionnaire.ts):
 * --questionnaire if given, else the embedded copy, else the built-in one. Before, `score`
 * preferred the embedded copy and `report` the option, so the two could disagree about one file.
 * Also: overrides that scoring cannot apply are reported on stderr and in the JSON and the PDF.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createAssessment, serializeAssessment } from '../../../src/core/assessment/assessment';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import { usage } from '../../../src/cli/main';
import { QUESTIONNAIRE_RULE } from '../../../src/cli/questionnaire';
import { cli, tempFile } from './helpers';
import { miniData, miniQuestionnaire } from '../core/helpers';

const mini = miniQuestionnaire();
const NOW = '2025-03-14T09:00:00.000Z';

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
      automated: 'checked',
      usersPerYear: 100,
    },
    ...extra,
  };
}

const file = (a: Assessment) => tempFile(serializeAssessment(a), 'a.fria.json');

/** A second version of the mini questionnaire: another title, and lower thresholds. */
function otherQuestionnaireFile(): string {
  const q = miniData() as Record<string, unknown>;
  q.title = { nl: 'Mini-vragenlijst, nieuwe drempels', en: 'Mini questionnaire, new thresholds' };
  // Autonomy scores 2 of 4 = 0.5: "medium" with [0.25, 0.5, 0.75], "veryHigh" with these.
  q.thresholds = [0.1, 0.2, 0.3];
  return tempFile(q, 'q2.json');
}

const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );

async function report(
  ...args: string[]
): Promise<{ code: number; out: string; err: string; text: string }> {
  const out = tempFile('', 'r.pdf');
  const r = await cli('report', ...args, '-o', out, '--now', NOW);
  return { ...r, text: r.code === 0 ? pdfText(out) : '' };
}

describe('score and report use the same questionnaire', () => {
  it('with --questionnaire and an embedded copy: both use the file, and both say so', async () => {
    const input = file(await assessment());
    const other = otherQuestionnaireFile();

    const s = await cli('score', input, '--questionnaire', other);
    expect(s.code).toBe(0);
    const j = JSON.parse(s.out);
    expect(j.questionnaire).toMatchObject({ source: 'file', file: other, hashMatches: false });
    expect(j.domains.autonomy.level).toBe('veryHigh'); // by the file's thresholds

    const r = await report(input, '--questionnaire', other, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.text).toContain('Mini questionnaire, new thresholds'); // the file's title
    expect(r.text).not.toContain('Mini questionnaire version'); // not the embedded copy's

    for (const err of [s.err, r.err]) {
      expect(err).toContain(`Note: ${other} is used, as --questionnaire asks`);
      expect(err).toMatch(/Warning: questionnaire "mini" 1\.0\.0 \(file\) is not the exact one/);
    }
  });

  it('without --questionnaire: both use the embedded copy', async () => {
    const input = file(await assessment());
    const s = await cli('score', input);
    expect(s.err).toBe('');
    expect(JSON.parse(s.out).questionnaire.source).toBe('embedded');
    expect(JSON.parse(s.out).domains.autonomy.level).toBe('medium');
    const r = await report(input, '--lang', 'en');
    expect(r.err).toBe('');
    expect(r.text).toContain('Mini questionnaire');
    expect(r.text).not.toContain('new thresholds');
  });

  it('both refuse an embedded copy that breaks the rules (report used to draw with it)', async () => {
    const a = await assessment();
    // A copy: the embedded questionnaire is the shared test object itself.
    a.questionnaireSnapshot = structuredClone(a.questionnaireSnapshot);
    a.questionnaireSnapshot!.redFlags![0]!.minLevel = 'extreme';
    const input = file(a);
    for (const r of [await cli('score', input), await report(input)]) {
      expect(r.code).toBe(1);
      expect(r.err).toContain('The questionnaire embedded in');
      expect(r.err).toContain('redFlags[0].minLevel: Unknown level "extreme".');
    }
  });

  it('both say the rule in their help', async () => {
    expect(usage()).toContain(`score <assessment.json|report.pdf>`);
    expect(usage().split(QUESTIONNAIRE_RULE)).toHaveLength(3); // once under each command
    const bad = await cli('report', 'x.fria.json', '-o', 'x.pdf', '--questionaire', 'q.json');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Unknown option --questionaire.');
  });
});

describe('overrides scoring cannot apply', () => {
  const broken = {
    // "extreme" is not a level of the mini questionnaire; "fairness" is not a domain.
    inclusion: { level: 'extreme', justification: 'Typed by hand in the file' },
    autonomy: { level: 'low', justification: '   ' },
    fairness: { level: 'low', justification: 'Old domain' },
  };

  it('score: levels by the rules, and every ignored override named, in nl and en', async () => {
    const input = file(await assessment({ overrides: broken }));
    const en = await cli('score', input);
    expect(en.code).toBe(0);
    const j = JSON.parse(en.out);
    // Never lower than the rules give: inclusion stays veryHigh (2 of 2), autonomy medium.
    expect(j.domains.inclusion).toMatchObject({ computed: 'veryHigh', level: 'veryHigh' });
    expect(j.domains.autonomy).toMatchObject({ computed: 'medium', level: 'medium' });
    expect(j.domains.inclusion.override).toBeNull();
    expect(j.ignoredOverrides).toEqual([
      {
        domain: 'autonomy',
        level: 'low',
        reason: 'justificationRequired',
        message:
          'The change of Autonomy to Low is not used: it has no written justification. The computed level counts: Medium.',
      },
      {
        domain: 'inclusion',
        level: 'extreme',
        reason: 'unknownLevel',
        message:
          'The change of Inclusion to level "extreme" is not used: this questionnaire has no such level. The computed level counts: Very high.',
      },
      {
        domain: 'fairness',
        level: 'low',
        reason: 'unknownDomain',
        message:
          'A change to level "low" for "fairness" is not used: this questionnaire has no domain "fairness".',
      },
    ]);
    expect(en.err.trim().split('\n')).toEqual(
      j.ignoredOverrides.map((o: { message: string }) => `Warning: ${o.message}`),
    );

    const nl = await cli('score', input, '--lang', 'nl');
    expect(nl.err).toContain(
      'Warning: De aanpassing van Inclusie naar niveau "extreme" telt niet: deze vragenlijst heeft dat niveau niet. Het berekende niveau telt: Zeer hoog.',
    );
  });

  it('report: the same warnings, and the PDF says it beside the domain', async () => {
    const input = file(await assessment({ overrides: broken }));
    const r = await report(input, '--lang', 'nl');
    expect(r.code).toBe(0);
    expect(r.err).toContain('telt niet: deze vragenlijst heeft dat niveau niet');
    expect(r.text).toContain(
      'De aanpassing van Inclusie naar niveau "extreme" telt niet: deze vragenlijst heeft dat niveau niet',
    );
    expect(r.text).toContain('heeft geen domein "fairness"');
  });
});
