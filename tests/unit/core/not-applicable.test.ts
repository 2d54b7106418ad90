/**
 * "Not applicable" with a reason: allowed per question by the author; it takes the question out of
 * its domains' maximum, needs a reason, counts as answered, and never raises a level above what the
 * question's highest-scoring answer gives. The property test prints its seed (FUZZ_SEED=<seed>).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { score } from '../../../src/core/scoring/scoring';
import { explainTrace } from '../../../src/core/scoring/explain';
import { referencedQuestions } from '../../../src/core/scoring/condition';
import { sectionProgress } from '../../../src/core/scoring/progress';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import { problemText } from '../../../src/core/files/safe-json';
import type { Question, Questionnaire } from '../../../src/core/questionnaire/questionnaire-schema';
import { DOMAINS, scoredArb } from './arbitraries';
import { createAssessment } from '../../../src/core/assessment/assessment';
import { buildReport } from '../../../src/core/report/report';
import { renderReportPdf } from '../../../src/pdf/render';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LEVELS, miniData, opt, questionnaire, section, single } from './helpers';

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
console.log(`not-applicable property seed: ${seed}`);

const idx = (l: string | null) => (l === null ? -1 : LEVELS.indexOf(l as never));

/** privacy: q1 (0..4), q2 (0..4, may be "not applicable"), required. */
const q = () =>
  questionnaire(
    [
      section('s', [
        single('q1', [opt('none', { a: 0 }), opt('some', { a: 3 }), opt('all', { a: 4 })], {
          required: true,
        }),
        single('q2', [opt('none', { a: 0 }), opt('all', { a: 4 })], {
          required: true,
          notApplicable: true,
        }),
      ]),
    ],
    { domainIds: ['a'] },
  );

describe('not applicable', () => {
  it('takes the question out of the maximum, counts as answered, and is explained with its reason', () => {
    const r = score(q(), {
      answers: { q1: 'some' },
      notApplicable: { q2: 'Wij gebruiken geen camera’s.' },
    });
    expect(r.byDomain.a).toMatchObject({ raw: 3, max: 4, final: 'high' });
    expect(r.complete).toBe(true);
    expect(r.notApplicable).toEqual([{ questionId: 'q2', reason: 'Wij gebruiken geen camera’s.' }]);
    const line = r.byDomain.a!.trace.find((t) => t.kind === 'notApplicable')!;
    expect(explainTrace(line, q(), 'nl')).toBe(
      '“q2”: niet van toepassing → telt niet mee in het maximum (4 punten minder mogelijk). Reden: Wij gebruiken geen camera’s.',
    );
    expect(explainTrace(line, q(), 'en')).toMatch(
      /^“q2”: not applicable → left out of the maximum/,
    );
    expect(sectionProgress(q(), { q1: 'some' }, { q2: 'x' })[0]).toMatchObject({
      answered: 2,
      openRequired: 0,
    });
  });

  it('needs a reason: without one (or with only spaces) the question stays open and counts fully', () => {
    for (const reason of ['', '   ']) {
      const r = score(q(), { answers: { q1: 'some' }, notApplicable: { q2: reason } });
      expect(r.byDomain.a).toMatchObject({ raw: 3, max: 8 });
      expect(r.openRequired).toEqual(['q2']);
      expect(r.notApplicable).toEqual([]);
    }
  });

  it('counts only where the questionnaire allows it; a stored answer beside it is kept but not counted', () => {
    const r = score(q(), { answers: { q1: 'some' }, notApplicable: { q1: 'nee' } });
    expect(r.byDomain.a).toMatchObject({ raw: 3, max: 8 });
    const both = score(q(), { answers: { q1: 'some', q2: 'all' }, notApplicable: { q2: 'x' } });
    expect(both.byDomain.a).toMatchObject({ raw: 3, max: 4 });
  });

  it('the validator refuses it on mitigation questions and on questions a condition or red flag uses (nl/en)', () => {
    const d = miniData() as { sections: { questions: Record<string, unknown>[] }[] };
    const all = d.sections.flatMap((s) => s.questions);
    all.find((x) => x.id === 'legalGround')!.notApplicable = true; // groundText's condition uses it
    all.find((x) => x.id === 'personalData')!.notApplicable = true; // red flags use it
    const v = validateQuestionnaire(d);
    const codes = v.problems.map((p) => p.code);
    expect(codes.filter((c) => c === 'notApplicableCondition')).toHaveLength(2);
    expect(problemText(v.problems[0]!, 'nl')).toMatch(/kan geen "niet van toepassing" toestaan/);
    expect(() =>
      questionnaire(
        [
          section('s', [single('x', [opt('n', { a: 0 }), opt('y', { a: 1 })])]),
          section('m', [
            {
              id: 'm0',
              type: 'yesNo',
              label: { en: 'm0' },
              mitigation: true,
              notApplicable: true,
              yesPoints: { mitigation: 1 },
            } as Question,
          ]),
        ],
        { domainIds: ['a'], mitigation: { threshold: 0.5, reduction: 0.2 } },
      ),
    ).toThrow(/measures nobody took/);
  });

  it('the report lists it in the summary and prints the reason as the answer, in nl and en', async () => {
    const base = await createAssessment(
      q(),
      { title: 'T', systemName: 'S', organisation: 'O', owner: 'E', locale: 'nl' },
      { id: 'na1', now: '2026-11-28T10:00:00.000Z' },
    );
    const a = { ...base, answers: { q1: 'some' }, notApplicable: { q2: 'Geen camera’s' } };
    const opts = { appVersion: 't', generatedAt: '2026-11-28T10:00:00.000Z', timeZone: 'UTC' };
    const nl = await buildReport(a, q(), 'nl', opts);
    expect(nl.summary.notApplicable).toEqual([
      expect.objectContaining({ number: '1.2', question: 'q2', answer: 'Geen camera’s' }),
    ]);
    expect(nl.sections[0]!.questions[1]!.answer).toEqual([
      'Niet van toepassing. Reden: Geen camera’s',
    ]);
    expect(nl.labels.notApplicableTitle).toBe('Vragen beantwoord met “niet van toepassing”');
    const en = await buildReport(a, q(), 'en', opts);
    expect(en.sections[0]!.questions[1]!.answer).toEqual(['Not applicable. Reason: Geen camera’s']);
    const bytes = await renderReportPdf(a, q(), 'nl', { appVersion: 't' });
    const file = join(mkdtempSync(join(tmpdir(), 'fria-na-')), 'r.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Vragen beantwoord met “niet van toepassing”');
    expect(text).toContain('1.2 q2 — Geen camera’s');
    expect(text).toContain('Niet van toepassing. Reden: Geen camera’s');
  });

  it('property: "not applicable" never raises a domain above the level of the answer with the most points', () => {
    fc.assert(
      fc.property(scoredArb, fc.nat(), ({ q: gen, answers }, pickIndex) => {
        const used = new Set<string>();
        for (const s of gen.sections) {
          if (s.condition) referencedQuestions(s.condition).forEach((x) => used.add(x));
          for (const x of s.questions)
            if (x.condition) referencedQuestions(x.condition).forEach((y) => used.add(y));
        }
        for (const f of gen.redFlags ?? []) referencedQuestions(f.when).forEach((x) => used.add(x));
        const candidates = gen.sections
          .flatMap((s) => s.questions)
          .filter((x) => !x.mitigation && !used.has(x.id));
        if (candidates.length === 0) return;
        const target = candidates[pickIndex % candidates.length]!;
        const withNa: Questionnaire = {
          ...gen,
          sections: gen.sections.map((s) => ({
            ...s,
            questions: s.questions.map((x) =>
              x.id === target.id ? ({ ...x, notApplicable: true } as Question) : x,
            ),
          })),
        };
        const v = validateQuestionnaire(withNa);
        expect(v.problems).toEqual([]);
        if (!v.valid) return;
        const na = score(v.questionnaire, { answers, notApplicable: { [target.id]: 'reason' } });
        for (const d of DOMAINS) {
          const worst = worstAnswerFor(target, d);
          const full = score(v.questionnaire, {
            answers: { ...answers, ...(worst === undefined ? {} : { [target.id]: worst }) },
          });
          expect(idx(na.byDomain[d]!.final)).toBeLessThanOrEqual(idx(full.byDomain[d]!.final));
        }
      }),
      { seed, numRuns: 300, endOnFailure: true },
    );
  });
});

/** The answer that gives domain d the most points (all options for multiple choice). */
function worstAnswerFor(question: Question, d: string): string | string[] | boolean | undefined {
  switch (question.type) {
    case 'singleChoice':
    case 'scale': {
      const best = [...question.options].sort(
        (x, y) => (y.points?.[d] ?? 0) - (x.points?.[d] ?? 0),
      )[0];
      return best?.id;
    }
    case 'multiChoice':
      return question.options.map((o) => o.id);
    case 'yesNo':
      return (question.yesPoints?.[d] ?? 0) >= (question.noPoints?.[d] ?? 0);
    default:
      return undefined;
  }
}
