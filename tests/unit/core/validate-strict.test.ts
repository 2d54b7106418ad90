/**
 * The checks format 2 added: a domain the answers can never score is an error, the risk bands must
 * rise with likelihood × severity, and reserved ids stay reserved. In a format-1 file the new
 * checks are warnings, so a questionnaire already in use (and its assessments) keeps opening.
 */
import { describe, expect, it } from 'vitest';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import { problemText } from '../../../src/core/files/safe-json';
import { miniData } from './helpers';

type Data = Record<string, unknown> & {
  domains: { id: string; label: Record<string, string> }[];
  riskBands: { min: number; max: number; level: string }[];
};

const withUnscoredDomain = (): Data => {
  const d = miniData() as Data;
  d.domains.push({ id: 'environment', label: { nl: 'Milieu', en: 'Environment' } });
  return d;
};

describe('format 2: stricter checks', () => {
  it('a domain that no question or red flag can score is an error, named in nl and en', () => {
    const v = validateQuestionnaire(withUnscoredDomain());
    expect(v.valid).toBe(false);
    const p = v.problems.find((x) => x.code === 'unscoredDomain')!;
    expect(p.path).toBe('domains[3].id');
    expect(problemText(p, 'en')).toBe(
      'Domain "environment" can never get a level from the answers: no question gives it points and no red flag names it. Give it points, or remove the domain.',
    );
    expect(problemText(p, 'nl')).toMatch(/^Domein "environment" kan nooit een niveau krijgen/);
  });

  it('a red flag naming the domain is enough to score it', () => {
    const d = withUnscoredDomain();
    (d.redFlags as Record<string, unknown>[]).push({
      id: 'env',
      when: { op: 'equals', question: 'personalData', value: true },
      domain: 'environment',
      minLevel: 'high',
      text: { nl: 'Let op', en: 'Mind' },
    });
    expect(validateQuestionnaire(d).problems).toEqual([]);
  });

  it('risk bands that fall as the product rises are an error', () => {
    const d = miniData() as Data;
    const levels = (d.levels as { id: string }[]).map((l) => l.id);
    d.riskBands = [
      { min: 1, max: 4, level: levels[1]! },
      { min: 5, max: 9, level: levels[0]! },
      { min: 10, max: 25, level: levels[2]! },
    ];
    const v = validateQuestionnaire(d);
    expect(v.valid).toBe(false);
    const p = v.problems.find((x) => x.code === 'bandsFall')!;
    expect(p.params).toMatchObject({ low: 4, high: 5 });
    expect(problemText(p, 'nl')).toMatch(/De risicoklassen moeten oplopen met kans × ernst: 5/);
  });

  it('the bands must still cover 1 to 25 without overlap', () => {
    const d = miniData() as Data;
    d.riskBands = d.riskBands.slice(1);
    expect(validateQuestionnaire(d).problems.map((p) => p.code)).toContain('bandGap');
  });

  it('in a format-1 file the new checks are warnings: it stays valid', () => {
    const { formatVersion: _f, ...old } = withUnscoredDomain();
    const v = validateQuestionnaire(old);
    expect(v.valid).toBe(true);
    expect(v.warnings?.map((w) => w.code)).toEqual(['unscoredDomain']);
  });

  it('"overall" and the names of Object.prototype stay reserved', () => {
    const d = miniData() as Data;
    d.domains[0]!.id = 'overall';
    expect(validateQuestionnaire(d).problems.map((p) => p.code)).toContain('reservedDomain');
    const e = miniData() as Data;
    e.domains[0]!.id = 'toString';
    expect(validateQuestionnaire(e).problems.map((p) => p.code)).toContain('reservedId');
  });
});
