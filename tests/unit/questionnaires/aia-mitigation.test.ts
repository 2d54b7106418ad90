import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { score } from '../../../src/core/scoring/scoring';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';

type Answers = Assessment['answers'];
import { fixtureDir, loadQuestionnaire, readJson } from './builtin';

/**
 * The mitigation credit of aia-benefits, computed by hand (docs/scoring.md §4, §4):
 * impact 22 of 39 = 0.5641 → level III (above 0.5). Mitigation 18 of 21 = 0.857 ≥ 0.8, so the
 * ratio is multiplied by 0.85: 0.4795 → level II (not above 0.5).
 */
describe('aia-benefits mitigation credit (special-assistance example)', () => {
  const q = loadQuestionnaire('aia-benefits');
  const base = (
    readJson(join(fixtureDir('aia-benefits'), 'special-assistance.fria.json')) as {
      answers: Answers;
    }
  ).answers;
  const impact = (answers: Answers) => {
    const r = score(q, { answers });
    return { r, d: r.byDomain['impact']! };
  };

  it('adds up the impact points to 22 of 39', () => {
    const { d } = impact(base);
    expect([d.raw, d.max]).toEqual([22, 39]);
    expect(d.ratio).toBeCloseTo(22 / 39, 10);
  });

  it('applies the credit at 18 of 21 mitigation points and lands on level II', () => {
    const { r, d } = impact(base);
    expect(r.mitigation).toEqual({ raw: 18, max: 21, applied: true });
    expect(d.adjustedRatio).toBeCloseTo((22 / 39) * 0.85, 10);
    expect(d.final).toBe('levelII');
    expect(r.overall.level).toBe('levelII');
  });

  it('loses the credit without the bias test (15 of 21 < 80 per cent) and goes back to level III', () => {
    const { r, d } = impact({ ...base, mBiasTest: false });
    expect(r.mitigation).toEqual({ raw: 15, max: 21, applied: false });
    expect(d.adjustedRatio).toBeCloseTo(22 / 39, 10);
    expect(d.final).toBe('levelIII');
  });

  it('keeps the credit at 17 of 21 (81 per cent) and loses it at 16 of 21 (76 per cent)', () => {
    // 18 − 2 (internal consultation) + 1 (publication) = 17; 18 − 2 = 16.
    const seventeen = impact({ ...base, mConsultInternal: false, mPublication: true });
    expect(seventeen.r.mitigation).toEqual({ raw: 17, max: 21, applied: true });
    expect(seventeen.d.final).toBe('levelII');
    const sixteen = impact({ ...base, mConsultInternal: false });
    expect(sixteen.r.mitigation).toEqual({ raw: 16, max: 21, applied: false });
    expect(sixteen.d.final).toBe('levelIII');
  });

  it('needs no code of its own: fully automated refusals without human review raise it to at least level III', () => {
    const { d } = impact({ ...base, automationLevel: 'full', mHumanReview: false });
    // 24 of 39 = 0.615; mitigation 15 of 21 → no credit → level III, and the red flag agrees.
    expect([d.raw, d.max]).toEqual([24, 39]);
    expect(d.redFlags).toEqual(['fullyAutomatedAdverse']);
    expect(d.final).toBe('levelIII');
  });
});
