import { describe, expect, it } from 'vitest';
import { computeVisibility, openRequiredQuestions } from '../../../src/core/scoring/visibility';
import { score } from '../../../src/core/scoring/scoring';
import type { Answers } from '../../../src/core/scoring/answers';
import { opt, plain, questionnaire, section, single, yesNo } from './helpers';

// docs/scoring.md §2. Layout:
//   section s1: gate (yes/no, a:+1 on yes), detail (only when gate = yes; a: x=2, y=0),
//               deeper (only when detail = x; a: +3 on yes)
//   section s2 (only when gate = yes): inS2 (required; b: +4 on yes)
//   section s3: free (always; c: +1 on yes)
const q = questionnaire([
  section('s1', [
    yesNo('gate', { a: 1 }),
    single('detail', [opt('x', { a: 2 }), opt('y', { a: 0 })], {
      condition: { op: 'equals', question: 'gate', value: true },
    }),
    yesNo('deeper', { a: 3 }, undefined, {
      condition: { op: 'equals', question: 'detail', value: 'x' },
      required: true,
    }),
  ]),
  section('s2', [yesNo('inS2', { b: 4 }, undefined, { required: true })], {
    op: 'equals',
    question: 'gate',
    value: true,
  }),
  section('s3', [yesNo('free', { c: 1 })]),
]);

const visible = (answers: Answers) => [...computeVisibility(q, answers).questions].sort();

describe('visibility', () => {
  it('shows only unconditional questions before anything is answered', () => {
    const v = computeVisibility(q, {});
    expect([...v.questions].sort()).toEqual(['free', 'gate']);
    expect([...v.sections].sort()).toEqual(['s1', 's3']);
  });

  it('a question appears when its own condition holds', () => {
    expect(visible({ gate: true })).toEqual(['detail', 'free', 'gate', 'inS2']);
  });

  it("a section's condition shows or hides all its questions", () => {
    expect(computeVisibility(q, { gate: true }).sections.has('s2')).toBe(true);
    expect(computeVisibility(q, { gate: false }).sections.has('s2')).toBe(false);
    expect(visible({ gate: false, inS2: true })).toEqual(['free', 'gate']);
  });

  it('hiding cascades: a hidden answer counts as open for later conditions', () => {
    expect(visible({ gate: true, detail: 'x' })).toEqual([
      'deeper',
      'detail',
      'free',
      'gate',
      'inS2',
    ]);
    // detail = x is stored, but detail is hidden because gate = no, so deeper is hidden too.
    expect(visible({ gate: false, detail: 'x', deeper: true })).toEqual(['free', 'gate']);
  });

  it('keeps hidden answers in the input, leaves them out of the effective answers', () => {
    const answers: Answers = { gate: false, detail: 'x', deeper: true, inS2: true, free: false };
    const before = JSON.stringify(answers);
    const v = computeVisibility(q, answers);
    expect(JSON.stringify(answers)).toBe(before);
    expect(v.effective).toEqual({ gate: false, free: false });
    // Flipping the gate back brings the kept answers back into play.
    const back = computeVisibility(q, { ...answers, gate: true });
    expect(back.effective).toEqual({
      gate: true,
      detail: 'x',
      deeper: true,
      inS2: true,
      free: false,
    });
  });

  it('ignores hidden answers in scoring and completeness', () => {
    const hidden = score(q, { answers: { gate: false, detail: 'x', deeper: true, inS2: true } });
    // gate = no gives a 0 of 1; detail/deeper/inS2 are hidden, so they add neither raw nor max.
    expect(hidden.byDomain.a).toMatchObject({ raw: 0, max: 1 });
    expect(hidden.byDomain.b).toMatchObject({ raw: 0, max: 0, ratio: null, final: null });
    // deeper and inS2 are required but hidden: nothing is open.
    expect(hidden.openRequired).toEqual([]);
    expect(hidden.complete).toBe(true);

    const shown = score(q, { answers: { gate: true, detail: 'x', deeper: true, inS2: true } });
    // a: gate 1/1 + detail 2/2 + deeper 3/3 = 6/6; b: inS2 4/4.
    expect(shown.byDomain.a).toMatchObject({ raw: 6, max: 6, ratio: 1 });
    expect(shown.byDomain.b).toMatchObject({ raw: 4, max: 4, ratio: 1 });
  });

  it('lists visible required questions without an answer, in questionnaire order', () => {
    const v = computeVisibility(q, { gate: true, detail: 'x' });
    expect(openRequiredQuestions(q, v)).toEqual(['deeper', 'inS2']);
    const w = computeVisibility(q, { gate: true, detail: 'x', deeper: false, inS2: true });
    expect(openRequiredQuestions(q, w)).toEqual([]);
  });

  it('a blank text does not count as an answer for a required question', () => {
    const t = questionnaire([section('s', [plain('why', 'longText', { required: true })])]);
    expect(openRequiredQuestions(t, computeVisibility(t, { why: '  ' }))).toEqual(['why']);
    expect(openRequiredQuestions(t, computeVisibility(t, { why: 'because' }))).toEqual([]);
  });

  it('a section condition may use questions of earlier sections only, and cascades', () => {
    const t = questionnaire([
      section('s1', [yesNo('g')]),
      section('s2', [yesNo('h')], { op: 'equals', question: 'g', value: true }),
      section('s3', [yesNo('i')], { op: 'equals', question: 'h', value: true }),
    ]);
    const names = (a: Answers) => [...computeVisibility(t, a).sections].sort();
    expect(names({ g: true, h: true })).toEqual(['s1', 's2', 's3']);
    // h = yes is kept but s2 is hidden, so s3 is hidden as well.
    expect(names({ g: false, h: true })).toEqual(['s1']);
  });
});
