/**
 * docs/scoring.md stays true: its worked examples are computed here by the engine, and every figure
 * in the doc's results table (points, ratio, ratio after the credit, levels, overall) must be what
 * the engine gives. Change the engine or the doc, and this test says where they part.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { score, type ScoreResult } from '../../../src/core/scoring';
import type { Questionnaire } from '../../../src/core/questionnaire';
import type { AnswerValue } from '../../../src/core/scoring';
import { multi, opt, questionnaire, risk, section, single, yesNo } from '../core/helpers';

/** The example questionnaire of docs/scoring.md §12, as the doc shows it. */
function example(extra: Partial<Questionnaire> = {}): Questionnaire {
  return questionnaire(
    [
      section('s1', [
        single(
          'data',
          [opt('none'), opt('personal', { privacy: 2 }), opt('special', { privacy: 4 })],
          { required: true },
        ),
        multi(
          'uses',
          [
            opt('profiling', { privacy: 1, autonomy: 2 }),
            opt('matching', { privacy: 1 }),
            opt('ranking', { autonomy: 2 }),
          ],
          { maxPoints: { autonomy: 3 } },
        ),
        yesNo('review', { autonomy: 0 }, { autonomy: 3 }, { required: true }),
        single('ground', [opt('yes'), opt('no', { privacy: 2 })], {
          condition: { op: 'equals', question: 'data', value: 'special' },
        }),
        yesNo('tested', { mitigation: 2 }, undefined, { mitigation: true }),
      ]),
    ],
    {
      domainIds: ['privacy', 'autonomy'],
      riskBands: [
        { min: 1, max: 4, level: 'low' },
        { min: 5, max: 9, level: 'medium' },
        { min: 10, max: 19, level: 'high' },
        { min: 20, max: 25, level: 'veryHigh' },
      ],
      mitigation: { threshold: 0.8, reduction: 0.25 },
      redFlags: [
        {
          id: 'noReview',
          when: { op: 'equals', question: 'review', value: false },
          domain: 'autonomy',
          minLevel: 'high',
          text: { en: 'No human review' },
        },
      ],
      ...extra,
    },
  );
}

const A: Record<string, AnswerValue> = {
  data: 'personal',
  uses: ['profiling', 'matching'],
  review: true,
};

/** Each example of the doc: the questionnaire variant, the answers, the register and overrides. */
const EXAMPLES: Record<string, () => ScoreResult> = {
  A: () => score(example(), { answers: A }),
  B: () => score(example(), { answers: { data: 'personal', uses: ['matching'], review: true } }),
  C: () => score(example(), { answers: { uses: ['profiling', 'matching'], review: true } }),
  D: () =>
    score(example(), {
      answers: { data: 'special', ground: 'no', uses: ['profiling', 'matching'], review: true },
    }),
  E: () => score(example(), { answers: { data: 'none', review: false } }),
  F: () => score(example(), { answers: { ...A, tested: true } }),
  G: () =>
    score(example(), {
      answers: { ...A, tested: true },
      register: [risk('r1', 'privacy', 4, 4)],
    }),
  H: () =>
    score(example(), {
      answers: A,
      overrides: {
        autonomy: {
          level: 'low',
          justification: 'Decisions are advice only.',
          at: '2026-01-01T00:00:00Z',
        },
        privacy: { level: 'low', justification: ' ', at: '2026-01-01T00:00:00Z' },
      },
    }),
  I: () => score(example({ aggregation: 'mean' }), { answers: A }),
};

interface Row {
  example: string;
  domain: string;
  points: string;
  ratio: string;
  credited: string;
  level: string;
  final: string;
}

/** The rows of the results table in docs/scoring.md. */
function docRows(): Row[] {
  const text = readFileSync('docs/scoring.md', 'utf8');
  const rows: Row[] = [];
  for (const line of text.split('\n')) {
    const m = /^\|\s*([A-Z])\s*\|([^|]*)\|([^|]*)\|([^|]*)\|([^|]*)\|([^|]*)\|([^|]*)\|\s*$/.exec(
      line,
    );
    if (!m) continue;
    const [, example, domain, points, ratio, credited, level, final] = m.map((x) => x.trim());
    rows.push({
      example: example!,
      domain: domain!,
      points: points!,
      ratio: ratio!,
      credited: credited!,
      level: level!,
      final: final!,
    });
  }
  return rows;
}

const dec = (n: number | null) =>
  n === null ? '—' : n.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');

/** The engine's figures for one row, written the way the doc writes them. */
function engineRow(example: string, domain: string): Omit<Row, 'example' | 'domain'> {
  const r = EXAMPLES[example]!();
  if (domain === 'overall') {
    return {
      points: '—',
      ratio: '—',
      credited: '—',
      level: '—',
      final: r.overall.level ?? 'not assessed',
    };
  }
  const d = r.byDomain[domain]!;
  return {
    points: `${d.raw} of ${d.max}`,
    ratio: dec(d.ratio),
    credited: d.adjustedRatio === d.ratio ? '—' : dec(d.adjustedRatio),
    level: d.computed ?? 'not assessed',
    final: d.final ?? 'not assessed',
  };
}

describe('docs/scoring.md', () => {
  const rows = docRows();

  it('has a results row for both domains and the overall level of every example', () => {
    for (const ex of Object.keys(EXAMPLES)) {
      for (const domain of ['privacy', 'autonomy', 'overall']) {
        expect(
          rows.some((r) => r.example === ex && r.domain === domain),
          `${ex} ${domain}`,
        ).toBe(true);
      }
    }
  });

  it('every figure in its results table is what the engine computes', () => {
    for (const row of rows) {
      const { example: ex, domain, ...doc } = row;
      expect(doc, `example ${ex}, ${domain}`).toEqual(engineRow(ex, domain));
    }
  });

  it('says what the prose of the examples says: provisional, red flag, register, ignored override', () => {
    const c = EXAMPLES.C!();
    expect(c.complete).toBe(false);
    expect(c.openRequired).toEqual(['data']);
    const e = EXAMPLES.E!();
    expect(e.byDomain.autonomy!.ratioLevel).toBe('medium');
    expect(e.byDomain.autonomy!.redFlags).toEqual(['noReview']);
    const g = EXAMPLES.G!();
    expect(g.byDomain.privacy!.registerLevel).toBe('high');
    expect(g.byDomain.privacy!.answerLevel).toBe('medium');
    const h = EXAMPLES.H!();
    expect(h.ignoredOverrides).toEqual([
      { domain: 'privacy', level: 'low', reason: 'justificationRequired' },
    ]);
    const f = EXAMPLES.F!();
    expect(f.mitigation).toEqual({ raw: 2, max: 2, applied: true });
  });
});
