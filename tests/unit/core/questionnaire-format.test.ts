/**
 * Questionnaire format 2 and the pure step from format 1: a format-1 file (no `formatVersion`)
 * still loads, keeps the hash assessments recorded for it, and every stored assessment made with
 * it opens, scores and moves to the new built-in version with nothing lost.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  migrateQuestionnaireFormat,
  QUESTIONNAIRE_FORMAT_VERSION,
  questionnaireSource,
  sourceFormat,
} from '../../../src/core/questionnaire/questionnaire-format';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import { resolveQuestionnaire } from '../../../src/core/questionnaire/resolve';
import { migrateToQuestionnaire } from '../../../src/core/questionnaire/questionnaire-migration';
import {
  createAssessment,
  parseAssessment,
  questionnaireHash,
} from '../../../src/core/assessment/assessment';
import { canonicalHash } from '../../../src/core/assessment/canonical';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import { score } from '../../../src/core/scoring/scoring';
import {
  BUILT_IN,
  fixtureDir,
  fixtureNames,
  loadQuestionnaire,
  questionnaireFile,
  readJson,
  root,
} from '../questionnaires/builtin';

/**
 * A built-in questionnaire exactly as it was published in format 1 (tests/fixtures/format-1: the
 * files as they were before format 2), the content every assessment made so far recorded.
 */
function formatOne(id: string): Record<string, unknown> {
  return readJson(join(root, 'tests', 'fixtures', 'format-1', `${id}.json`)) as Record<
    string,
    unknown
  >;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    Object.values(v).forEach(deepFreeze);
    Object.freeze(v);
  }
  return v;
}

function fixture(id: string, name: string): Assessment {
  const p = parseAssessment(readJson(join(fixtureDir(id), name)));
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return p.value;
}

/** The hash fria-core's fixtures recorded while fria-core was a format-1 file. */
const FRIA_CORE_FORMAT_ONE_HASH =
  'c00d87187d1b972061a027c8f29e5bad2e76dd9ea342b64b776bb602603fe675';

describe('questionnaire format 2', () => {
  it('the built-in questionnaires are written in format 2', () => {
    expect(QUESTIONNAIRE_FORMAT_VERSION).toBe(2);
    for (const id of BUILT_IN) {
      expect((readJson(questionnaireFile(id)) as { formatVersion?: number }).formatVersion).toBe(2);
      expect(sourceFormat(loadQuestionnaire(id))).toBe(2);
    }
  });

  it('a format-1 file loads as format 2, says the same, and the input is not changed', () => {
    for (const id of BUILT_IN) {
      const old = deepFreeze(formatOne(id));
      const v = validateQuestionnaire(old);
      expect(v.valid).toBe(true);
      if (!v.valid) continue;
      expect(v.questionnaire.formatVersion).toBe(2);
      expect(sourceFormat(v.questionnaire)).toBe(1);
      const { formatVersion: _f, ...content } = v.questionnaire;
      expect(content).toEqual(old);
      expect('formatVersion' in old).toBe(false);
      // The built-in of format 2 is the same questionnaire, grown since: every question of the
      // format-1 file is still there, in the same order (later versions may add questions). As
      // the file says it: a repeating group's questions are used once per option chosen.
      const ids = (x: { sections: { questions: { id: string }[] }[] }) =>
        x.sections.flatMap((s) => s.questions.map((qq) => qq.id));
      const current = ids(questionnaireSource(loadQuestionnaire(id)));
      expect(current.filter((qid) => ids(v.questionnaire).includes(qid))).toEqual(
        ids(v.questionnaire),
      );
    }
  });

  it('the step is pure and repeatable: format 1 → 2 twice gives equal results', () => {
    const old = deepFreeze(formatOne('quick-scan'));
    const a = migrateQuestionnaireFormat(old);
    const b = migrateQuestionnaireFormat(old);
    expect(a).toEqual(b);
    expect(a.ok && a.value.from).toBe(1);
    expect(a.ok && (a.value.value as { formatVersion: number }).formatVersion).toBe(2);
  });

  it('keeps the hash a format-1 file had, so assessments made with it still match', async () => {
    const v = validateQuestionnaire(formatOne('fria-core'));
    if (!v.valid) throw new Error('invalid');
    expect(await questionnaireHash(v.questionnaire)).toBe(FRIA_CORE_FORMAT_ONE_HASH);
    expect(questionnaireSource(v.questionnaire)).not.toHaveProperty('formatVersion');
    // The format-2 file is other content, with its own hash.
    expect(await questionnaireHash(loadQuestionnaire('fria-core'))).not.toBe(
      FRIA_CORE_FORMAT_ONE_HASH,
    );
  });

  it('a stored assessment embedding a format-1 copy opens with the recorded hash and scores as before', async () => {
    const old = formatOne('fria-core');
    const stored = fixture('fria-core', 'planning-tool.fria.json');
    const embedded = parseAssessment({
      ...stored,
      questionnaire: { ...stored.questionnaire, hash: await canonicalHash(old) },
      questionnaireSnapshot: old,
    });
    if (!embedded.ok) throw new Error(JSON.stringify(embedded.problems));
    // The file itself is not rewritten: the copy stays format 1, so its seal stays valid.
    expect(embedded.value.questionnaireSnapshot).not.toHaveProperty('formatVersion');
    const r = await resolveQuestionnaire(embedded.value);
    expect(r.ok && r.from).toBe('embedded');
    expect(r.ok && r.hashMatches).toBe(true);
    if (!r.ok) return;
    const now = score(r.questionnaire, embedded.value);
    const native = score(loadQuestionnaire('fria-core'), embedded.value);
    expect(now.overall).toEqual(native.overall);
    expect(now.domains.map((d) => d.final)).toEqual(native.domains.map((d) => d.final));
  });

  it('a new assessment made with a format-1 file embeds that file, and reopens with a matching hash', async () => {
    const v = validateQuestionnaire(formatOne('quick-scan'));
    if (!v.valid) throw new Error('invalid');
    const a = await createAssessment(
      v.questionnaire,
      { title: 't', organisation: '', owner: '', locale: 'en' } as Assessment['meta'],
      { id: 'x', now: '2026-01-01T00:00:00.000Z' },
    );
    expect(a.questionnaireSnapshot).not.toHaveProperty('formatVersion');
    const r = await resolveQuestionnaire(a);
    expect(r.ok && r.hashMatches).toBe(true);
  });

  it('every stored built-in assessment of format 1 moves to the format-2 version with every answer carried', async () => {
    for (const id of BUILT_IN) {
      const from = validateQuestionnaire(formatOne(id));
      if (!from.valid) throw new Error('invalid');
      const to = loadQuestionnaire(id);
      const oldHash = await questionnaireHash(from.questionnaire);
      for (const name of fixtureNames(id)) {
        const a = fixture(id, name);
        const stored = {
          ...a,
          questionnaire: { ...a.questionnaire, version: from.questionnaire.version, hash: oldHash },
        };
        const m = await migrateToQuestionnaire(stored, to, {
          now: '2026-01-01T00:00:00.000Z',
          from: from.questionnaire,
        });
        expect(m.ok, `${id}/${name}`).toBe(true);
        if (!m.ok) continue;
        expect(m.value.setAside, `${id}/${name}`).toEqual([]);
        expect(m.value.assessment.answers).toEqual(a.answers);
        expect(m.value.assessment.notes).toEqual(a.notes);
        expect(m.value.assessment.questionnaire.hash).toBe(await questionnaireHash(to));
      }
    }
  });

  it('refuses a format newer than this app reads, and a format that is not a whole number', () => {
    const newer = validateQuestionnaire({ ...formatOne('quick-scan'), formatVersion: 3 });
    expect(newer.valid).toBe(false);
    expect(newer.problems[0]).toMatchObject({ path: 'formatVersion', code: 'newerFormat' });
    const odd = validateQuestionnaire({ ...formatOne('quick-scan'), formatVersion: '2' });
    expect(odd.valid).toBe(false);
    expect(odd.problems[0]).toMatchObject({ path: 'formatVersion' });
  });
});
