import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BACKUP_FORMAT_VERSION,
  createBackup,
  planImport,
  readAssessmentFile,
  resolveImport,
  serializeBackup,
} from '../../../src/core/assessment/backup';
import { parseAssessment, serializeAssessment } from '../../../src/core/assessment/assessment';
import { AssessmentSchema, type Assessment } from '../../../src/core/assessment/assessment-schema';
import { problemText } from '../../../src/core/files/safe-json';
import { assessmentArb } from './arbitraries';
import { edit, makeAssessment } from './helpers';
import { readFileSync } from 'node:fs';

const NOW = '2026-04-01T08:00:00.000Z';
const lookupIn = (list: Assessment[]) => async (id: string) =>
  list.find((a) => a.id === id) ?? null;

describe('backup file', () => {
  it('the generator makes assessments the app accepts', () => {
    fc.assert(
      fc.property(assessmentArb, (a) => AssessmentSchema.safeParse(a).success),
      { numRuns: 200 },
    );
  });

  it('export → import is lossless for any assessments (property)', () => {
    fc.assert(
      fc.property(fc.array(assessmentArb, { maxLength: 5 }), (list) => {
        const text = serializeBackup(createBackup(list, { now: NOW, app: '0.1.0' }));
        const r = readAssessmentFile(text);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.kind).toBe('backup');
        expect(r.value.skipped).toEqual([]);
        expect(r.value.createdAt).toBe(NOW);
        expect(r.value.assessments).toEqual(list);
      }),
      { numRuns: 300 },
    );
  });

  it('a single assessment file round-trips through the same reader (property)', () => {
    fc.assert(
      fc.property(assessmentArb, (a) => {
        const r = readAssessmentFile(serializeAssessment(a));
        expect(r.ok && r.value.kind === 'assessment' && r.value.assessments).toEqual([a]);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the readable items of a backup and names the ones it skips', async () => {
    const good = await makeAssessment('g1', 'Good one');
    const newer = { ...(await makeAssessment('n1', 'From the future')), formatVersion: 99 };
    const broken = { ...(await makeAssessment('b1', 'Broken')), answers: 'not an object' };
    const text = JSON.stringify({
      format: 'fria-backup',
      formatVersion: 1,
      createdAt: NOW,
      assessments: [good, newer, broken],
    });
    const r = readAssessmentFile(text);
    if (!r.ok) throw new Error('backup refused');
    expect(r.value.assessments).toEqual([good]);
    expect(r.value.skipped.map((s) => [s.index, s.title, s.problems[0]?.code])).toEqual([
      [1, 'From the future', 'newerFormat'],
      [2, 'Broken', 'wrongType'],
    ]);
    expect(r.value.skipped[1]!.problems[0]!.path).toBe('assessments[2].answers');
  });

  it('refuses a backup from a newer app, in both languages', () => {
    const r = readAssessmentFile(
      JSON.stringify({
        format: 'fria-backup',
        formatVersion: BACKUP_FORMAT_VERSION + 1,
        assessments: [],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.code).toBe('newerFormat');
    expect(problemText(r.problems[0]!, 'nl')).toContain('nieuwere versie');
  });

  it('refuses files that are neither an assessment nor a backup', () => {
    for (const text of ['{"format":"something-else"}', '[1,2]', 'null', '"x"']) {
      const r = readAssessmentFile(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0]!.code).toBe('notAssessment');
    }
    const notJson = readAssessmentFile('{ nope');
    expect(!notJson.ok && notJson.problems[0]!.code).toBe('notJson');
  });

  it('still reads the committed format-1 assessment file', () => {
    const text = readFileSync(
      new URL('./fixtures/assessment-format-1.fria.json', import.meta.url),
      'utf8',
    );
    const r = readAssessmentFile(text);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const a = r.value.assessments[0]!;
    expect(a.meta.title).toBe('Slimme camera’s in het centrum');
    expect(a.answers).toEqual({
      purpose: 'Overlast verminderen; één lijn — ü ß ł ğ',
      personalData: true,
      dataKinds: ['contact', 'health'],
      legalGround: 'unsure',
      automated: 'checked',
      usersPerYear: 12000,
      startDate: '2026-09-01',
    });
    expect(a.questionnaireSnapshot?.id).toBe('mini');
  });
});

describe('import conflicts', () => {
  it('adds new ones, skips identical ones, and flags another state of the same assessment', async () => {
    const stored = await makeAssessment('a1');
    const changed = edit(stored, 'purpose', 'Changed elsewhere', '2026-03-05T10:00:00.000Z');
    const fresh = await makeAssessment('a2');
    const plan = await planImport([structuredClone(stored), changed, fresh], lookupIn([stored]));
    expect(plan.map((p) => p.status)).toEqual(['identical', 'conflict', 'new']);
    // The second a1 is compared with the first of the same import, which is identical to stored.
    expect(plan[1]!.existing).toEqual(stored);
  });

  it('two different items with one id in one import conflict with each other', async () => {
    const a = await makeAssessment('same');
    const b = edit(a, 'purpose', 'other', '2026-03-09T00:00:00.000Z');
    const plan = await planImport([a, b], lookupIn([]));
    expect(plan.map((p) => p.status)).toEqual(['new', 'conflict']);
  });

  it('keep both stores a copy under a new id; replace stores it as is; cancel stores nothing', async () => {
    const stored = await makeAssessment('a1');
    const incoming = edit(stored, 'purpose', 'Theirs', '2026-03-05T10:00:00.000Z');
    const [item] = await planImport([incoming], lookupIn([stored]));
    const copy = resolveImport(item!, 'keepBoth', { newId: 'a1-copy', now: NOW });
    expect(copy?.id).toBe('a1-copy');
    expect(copy?.answers).toEqual(incoming.answers);
    expect(copy?.history.at(-1)).toEqual({
      at: NOW,
      action: 'importedAsCopy',
      detail: 'copy of a1',
    });
    expect(parseAssessment(copy).ok).toBe(true);
    expect(resolveImport(item!, 'replace', { newId: 'x', now: NOW })).toBe(incoming);
    expect(resolveImport(item!, 'cancel', { newId: 'x', now: NOW })).toBeNull();
  });

  it('keeping both of a signed assessment makes the copy its next, unsigned version', async () => {
    const stored = await makeAssessment('a1');
    const signedOff = {
      id: 's1',
      role: 'preparer',
      name: 'N',
      function: 'F',
      organisation: 'O',
      date: '2026-03-02',
      place: 'P',
      declaration: 'D',
      contentHash: '0'.repeat(64),
      version: 1,
      at: '2026-03-02T00:00:00.000Z',
    };
    const incoming = { ...edit(stored, 'purpose', 'Signed elsewhere', 'T'), signOffs: [signedOff] };
    const [item] = await planImport([incoming], lookupIn([stored]));
    const copy = resolveImport(item!, 'keepBoth', { newId: 'copy', now: NOW });
    expect(copy).toMatchObject({ id: 'copy', version: 2, signOffs: [signedOff] });
    expect(copy?.history.map((h) => h.action).slice(-2)).toEqual(['newVersion', 'importedAsCopy']);
    // "Replace" keeps the signed document exactly as it is.
    expect(resolveImport(item!, 'replace', { newId: 'x', now: NOW })).toBe(incoming);
  });

  it('a new or identical item needs no decision', async () => {
    const a = await makeAssessment('a1');
    const [fresh] = await planImport([a], lookupIn([]));
    const [same] = await planImport([a], lookupIn([structuredClone(a)]));
    expect(resolveImport(fresh!, 'cancel', { newId: 'x', now: NOW })).toBe(a);
    expect(resolveImport(same!, 'replace', { newId: 'x', now: NOW })).toBeNull();
  });
});
