/**
 * fria-core's rights roadmap is a repeating group: seriousness, suitability, necessity
 * (subsidiarity) and balance are asked once per right ticked in "Which fundamental rights does the
 * system touch?". Ticking rights and leaving the roadmap unanswered leaves it open (never
 * "answered"), the exclusive "none" cannot be mixed in to skip it, and the report prints each
 * right under its own heading.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseAssessment } from '../../../src/core/assessment/assessment';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import { score } from '../../../src/core/scoring/scoring';
import { instanceScores } from '../../../src/core/scoring/instances';
import { buildReport } from '../../../src/core/report/report';
import { migrateToQuestionnaire } from '../../../src/core/questionnaire/questionnaire-migration';
import { questionnaireSource } from '../../../src/core/questionnaire/questionnaire-format';
import { fixtureDir, loadQuestionnaire, readJson } from './builtin';

const ROADMAP = [
  'seriousness',
  'suitability',
  'lessIntrusive',
  'alternativesConsidered',
  'balance',
];
const REQUIRED = ['seriousness', 'suitability', 'lessIntrusive', 'balance'];

function fixture(name: string): Assessment {
  const parsed = parseAssessment(readJson(join(fixtureDir('fria-core'), name)));
  if (!parsed.ok) throw new Error(name);
  return parsed.value;
}

const withoutRoadmap = (a: Assessment): Assessment => ({
  ...a,
  answers: Object.fromEntries(
    Object.entries(a.answers).filter(([k]) => !ROADMAP.includes(k.split('@')[0]!)),
  ),
});

const opts = { appVersion: 't', generatedAt: '2026-12-08T01:00:00.000Z', timeZone: 'UTC' };

describe('fria-core rights roadmap per right', () => {
  const q = loadQuestionnaire('fria-core');

  it('asks the roadmap once per right ticked, not for "none"', () => {
    const written = questionnaireSource(q).sections.find((s) => s.id === 'rightsRoadmap')!;
    expect(written.repeatFor).toBe('rightsAffected');
    expect(written.questions.map((x) => x.id)).toEqual(ROADMAP);
    const r = score(q, { answers: { rightsAffected: ['privacy', 'equality'] } });
    const shown = [...r.visibility.questions].filter((id) => id.includes('@'));
    expect(shown).toEqual([
      ...ROADMAP.map((id) => `${id}@privacy`),
      ...ROADMAP.map((id) => `${id}@equality`),
    ]);
    const none = score(q, { answers: { rightsAffected: ['none'] } });
    expect([...none.visibility.questions].filter((id) => id.includes('@'))).toEqual([]);
  });

  it('leaves every right’s roadmap open when rights are ticked and the roadmap is not answered', async () => {
    const a = withoutRoadmap(fixture('fraud-risk-scoring.fria.json'));
    const rights = a.answers['rightsAffected'] as string[];
    expect(rights.length).toBe(6);
    const r = score(q, a);
    for (const right of rights)
      for (const id of REQUIRED) expect(r.openRequired).toContain(`${id}@${right}`);
    expect(r.complete).toBe(false);
    expect(instanceScores(q, r, 'nl').map((i) => i.openRequired.length)).toEqual(
      rights.map(() => REQUIRED.length),
    );
    // The coverage table does not call the necessity test (GDPR 35(7)(b), IAMA part 4) answered.
    const report = await buildReport(a, q, 'en', opts);
    for (const tag of ['gdpr-35-7-b', 'iama-4'])
      expect(report.coverage.rows.find((x) => x.tag === tag)!.status).not.toBe('answered');
  });

  it('cannot be skipped by ticking "none" beside a right: that answer is open itself', () => {
    const a = withoutRoadmap(fixture('fraud-risk-scoring.fria.json'));
    const r = score(q, { ...a, answers: { ...a.answers, rightsAffected: ['privacy', 'none'] } });
    expect(r.openRequired).toContain('rightsAffected');
    expect(r.complete).toBe(false);
  });

  it('fires the roadmap’s red flags per right, naming the right', () => {
    const r = score(q, fixture('school-biometrics.fria.json'));
    const ids = r.redFlags.map((f) => f.id).filter((id) => id.startsWith('lessIntrusiveAvailable'));
    expect(ids).toEqual([
      'lessIntrusiveAvailable@dignity',
      'lessIntrusiveAvailable@privacy',
      'lessIntrusiveAvailable@equality',
      'lessIntrusiveAvailable@child',
    ]);
    const text = q.redFlags!.find((f) => f.id === 'lessIntrusiveAvailable@child')!.text;
    expect(text.nl).toMatch(/^Rechten van het kind \(Handvest art\. 24\): /);
    expect(text.en).toMatch(/^Rights of the child \(Charter Art\. 24\): /);
  });

  it('prints each right under its own heading in the report, its questions named with it elsewhere', async () => {
    const report = await buildReport(fixture('genai-caseworkers.fria.json'), q, 'nl', opts);
    const section = report.sections.find((s) => s.id === 'rightsRoadmap')!;
    const headings = section.questions
      .map((x) => x.instance)
      .filter((x, i, all) => x !== all[i - 1]);
    expect(headings).toEqual([
      'Privéleven en persoonsgegevens (Handvest art. 7 en 8)',
      'Gelijkheid en non-discriminatie (Handvest art. 20 en 21)',
      expect.stringMatching(/^Behoorlijk bestuur/),
    ]);
  });

  it('sets aside the roadmap answers of an assessment made before it was asked per right', async () => {
    const a = fixture('fraud-risk-scoring.fria.json');
    // As made with the earlier version: one roadmap for all rights together.
    const old: Assessment = {
      ...withoutRoadmap(a),
      questionnaire: { ...a.questionnaire, version: '1.5.0', hash: '0'.repeat(64) },
      answers: { ...withoutRoadmap(a).answers, seriousness: 'serious', balance: 'doubtful' },
    };
    const r = await migrateToQuestionnaire(old, q, { now: '2026-12-08T01:00:00.000Z' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.assessment.setAside.map((x) => [x.questionId, x.reason])).toEqual([
      ['seriousness', 'questionRemoved'],
      ['balance', 'questionRemoved'],
    ]);
    // Not copied to any right: one judgement for all rights is not a judgement per right.
    expect(score(q, r.value.assessment).openRequired).toContain('seriousness@privacy');
  });
});
