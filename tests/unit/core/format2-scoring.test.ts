/**
 * Format 2 scoring rules: conditions on how many options are chosen and on dates, points on
 * numbers by ranges, the maximum over all questions (denominator "all") and ratio rounding.
 * Every expectation is computed by hand from the questionnaire written here.
 */
import { describe, expect, it } from 'vitest';
import { score } from '../../../src/core/scoring/scoring';
import { explainTrace } from '../../../src/core/scoring/explain';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import { problemText } from '../../../src/core/files/safe-json';
import type { Question } from '../../../src/core/questionnaire/questionnaire-schema';
import { multi, opt, plain, questionnaire, section, single, en } from './helpers';

const people = (): Question =>
  plain('people', 'number', {
    ranges: [
      { max: 999, points: { a: 0 } },
      { min: 1000, max: 10000, points: { a: 1 } },
      { min: 10001, points: { a: 3 } },
    ],
  } as Partial<Question>);

describe('format 2 scoring', () => {
  it('points on numbers by ranges: "more than 10,000 people: 3"', () => {
    const q = questionnaire([section('s', [people()])], { domainIds: ['a'] });
    const at = (n: number | undefined) =>
      score(q, { answers: n === undefined ? {} : { people: n } }).byDomain.a!;
    expect(at(12000)).toMatchObject({ raw: 3, max: 3 });
    expect(at(10000)).toMatchObject({ raw: 1, max: 3 });
    expect(at(50)).toMatchObject({ raw: 0, max: 3 });
    expect(at(undefined)).toMatchObject({ raw: 0, max: 3 });
    const line = score(q, { answers: { people: 12000 } }).byDomain.a!.trace[0]!;
    expect(explainTrace(line, q, 'en')).toBe('“people”: 12000 → 3 of 3 points');
  });

  it('the validator refuses overlapping ranges (nl/en)', () => {
    const bad = validateQuestionnaire({
      ...questionnaire([section('s', [people()])], { domainIds: ['a'] }),
      sections: [
        section('s', [
          plain('people', 'number', {
            ranges: [
              { max: 10, points: { a: 0 } },
              { min: 10, points: { a: 1 } },
            ],
          } as Partial<Question>),
        ]),
      ],
    });
    const p = bad.problems.find((x) => x.code === 'rangeOverlap')!;
    expect(problemText(p, 'en')).toBe(
      'Range 2 overlaps range 1: a number may fall in one range only.',
    );
    expect(problemText(p, 'nl')).toMatch(/^Bereik 2 overlapt met bereik 1/);
  });

  it('conditions on how many options are chosen, and on dates', () => {
    const q = questionnaire(
      [
        section('s', [
          multi('uses', [opt('x'), opt('y'), opt('z')]),
          plain('start', 'date'),
          single('many', [opt('n', { a: 0 }), opt('y', { a: 1 })], {
            condition: { op: 'count', question: 'uses', min: 2 },
          }),
          single('late', [opt('n', { a: 0 }), opt('y', { a: 1 })], {
            condition: { op: 'after', question: 'start', value: '2026-08-02' },
          }),
          single('early', [opt('n', { a: 0 }), opt('y', { a: 1 })], {
            condition: { op: 'before', question: 'start', value: '2026-08-02' },
          }),
        ]),
      ],
      { domainIds: ['a'] },
    );
    const shown = (answers: Record<string, unknown>) =>
      [...score(q, { answers: answers as never }).visibility.questions].filter((x) =>
        ['many', 'late', 'early'].includes(x),
      );
    expect(shown({ uses: ['x'] })).toEqual([]);
    expect(shown({ uses: ['x', 'z'] })).toEqual(['many']);
    expect(shown({ start: '2026-08-02' })).toEqual([]);
    expect(shown({ start: '2026-08-03' })).toEqual(['late']);
    expect(shown({ start: '2025-01-01' })).toEqual(['early']);
  });

  it('the validator refuses count on other types, a count without bounds, and dates on non-dates', () => {
    const v = validateQuestionnaire({
      id: 't',
      version: '1.0.0',
      formatVersion: 2,
      locales: ['en'],
      title: en('t'),
      domains: [{ id: 'a', label: en('a') }],
      levels: [
        { id: 'low', label: en('low'), color: '#000000' },
        { id: 'high', label: en('high'), color: '#000000' },
      ],
      thresholds: [0.5],
      riskBands: [
        { min: 1, max: 9, level: 'low' },
        { min: 10, max: 25, level: 'high' },
      ],
      sections: [
        section('s', [
          single('one', [opt('n', { a: 0 }), opt('y', { a: 1 })]),
          multi('uses', [opt('x'), opt('y')]),
          plain('c1', 'shortText', { condition: { op: 'count', question: 'one', min: 1 } }),
          plain('c2', 'shortText', { condition: { op: 'count', question: 'uses' } as never }),
          plain('c3', 'shortText', {
            condition: { op: 'after', question: 'one', value: '2026-01-01' },
          }),
        ]),
      ],
    });
    expect(v.problems.map((p) => p.code)).toEqual([
      'conditionType',
      'countBounds',
      'conditionType',
    ]);
  });

  it('denominator "all": a hidden question still counts in the maximum, and says so', () => {
    const sections = [
      section('s', [
        single('gate', [opt('n', { a: 0 }), opt('y', { a: 1 })]),
        single('detail', [opt('n', { a: 0 }), opt('y', { a: 3 })], {
          condition: { op: 'equals', question: 'gate', value: 'y' },
        }),
      ]),
    ];
    const visible = questionnaire(sections, { domainIds: ['a'] });
    const all = questionnaire(sections, { domainIds: ['a'], denominator: 'all' });
    const answers = { gate: 'n' };
    expect(score(visible, { answers }).byDomain.a).toMatchObject({ raw: 0, max: 1 });
    const r = score(all, { answers: { gate: 'y' } }).byDomain.a!;
    expect(r).toMatchObject({ raw: 1, max: 4 });
    const hidden = score(all, { answers }).byDomain.a!;
    expect(hidden).toMatchObject({ raw: 0, max: 4 });
    const line = hidden.trace.find((t) => t.kind === 'hidden')!;
    expect(explainTrace(line, all, 'nl')).toBe(
      '“detail”: niet getoond → 0 van 3 punten (deze vragenlijst telt elke vraag mee in het maximum)',
    );
  });

  it('ratio rounding: 1 of 3 rounded to 2 decimals is 0.33, no longer above a threshold of 0.333', () => {
    const sections = [
      section('s', [single('x', [opt('n', { a: 0 }), opt('one', { a: 1 }), opt('all', { a: 3 })])]),
    ];
    const thresholds = [0.333, 0.5, 0.75];
    const plainQ = questionnaire(sections, { domainIds: ['a'], thresholds });
    const rounded = questionnaire(sections, { domainIds: ['a'], thresholds, ratioDecimals: 2 });
    expect(score(plainQ, { answers: { x: 'one' } }).byDomain.a!.final).toBe('medium');
    const r = score(rounded, { answers: { x: 'one' } }).byDomain.a!;
    expect(r.adjustedRatio).toBe(0.33);
    expect(r.final).toBe('low');
    const line = r.trace.find((t) => t.kind === 'rounded')!;
    expect(explainTrace(line, rounded, 'en')).toBe('33.3% rounded to 2 decimals: 33%');
  });
});
