/** `npm run fria -- score` includes the register, proposals, overrides, action plan and conclusion. */
import { describe, expect, it } from 'vitest';
import { createAssessment, serializeAssessment } from '../../src/core/assessment/assessment';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import { cli, tempFile } from './cli/helpers';
import { miniQuestionnaire } from './core/helpers';

const q = miniQuestionnaire();

async function assessment(): Promise<Assessment> {
  const a = await createAssessment(
    q,
    { title: 'T', systemName: 'S', organisation: 'O', owner: 'W', locale: 'nl' },
    { id: 'a1', now: '2025-01-01T00:00:00.000Z' },
  );
  return {
    ...a,
    answers: {
      purpose: 'x',
      personalData: true,
      dataKinds: ['health'],
      legalGround: 'no',
      automated: 'advice',
    },
    register: [
      {
        id: 'r-a',
        domain: 'privacy',
        title: 'Special data without ground',
        description: '',
        affectedGroups: '',
        likelihood: 4,
        severity: 5,
        residualLikelihood: 2,
        residualSeverity: 3,
        measures: [
          { id: 'm-1', text: 'Legal basis', owner: 'Legal', dueDate: '2026-05-01', status: 'done' },
        ],
        proposal: 'redFlag:specialNoGround',
      },
    ],
    proposals: {
      'redFlag:specialNoGround': { status: 'accepted', riskId: 'r-a', at: '2025-01-02T00:00:00Z' },
      'answer:personalData:privacy': {
        status: 'dismissed',
        reason: 'Staff e-mail only',
        at: '2025-01-02T00:00:00Z',
      },
    },
    overrides: { autonomy: { level: 'medium', justification: 'Checked by hand' } },
    conclusion: { decision: 'proceedWithConditions', reasoning: 'Fine', conditions: [] },
  };
}

describe('score: the register part', () => {
  it('prints risks with products and bands, proposals with decisions, the action plan and what the conclusion lacks', async () => {
    const a = await assessment();
    const r = await cli('score', tempFile(serializeAssessment(a), 'a.fria.json'), '--lang', 'en');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    // 4 × 5 = 20 → very high; 2 × 3 = 6 → medium (bands 1–4, 5–9, 10–16, 17–25).
    expect(j.risks).toEqual([
      {
        id: 'r-a',
        number: 'R1',
        domain: 'privacy',
        title: 'Special data without ground',
        inherent: { product: 20, level: 'veryHigh' },
        residual: { product: 6, level: 'medium' },
        residualAboveInherent: false,
        problems: [],
      },
    ]);
    expect(j.domains.privacy).toMatchObject({ registerLevel: 'medium', registerRisk: 'r-a' });
    expect(j.proposals).toEqual([
      {
        id: 'redFlag:specialNoGround',
        domain: 'privacy',
        title: 'Special-category data without a legal basis',
        status: 'accepted',
        riskId: 'r-a',
        suggestedMeasures: ['minimise'],
      },
      {
        id: 'answer:personalData:privacy',
        domain: 'privacy',
        title: 'Possible risk to Privacy',
        status: 'dismissed',
        riskId: null,
        suggestedMeasures: ['minimise'],
      },
    ]);
    expect(j.dismissedProposals).toEqual([
      {
        id: 'answer:personalData:privacy',
        title: 'Possible risk to Privacy',
        domain: 'privacy',
        reason: 'Staff e-mail only',
        at: '2025-01-02T00:00:00Z',
        current: true,
      },
    ]);
    expect(j.actionPlan).toEqual([
      {
        riskId: 'r-a',
        riskNumber: 'R1',
        riskTitle: 'Special data without ground',
        domain: 'privacy',
        measureId: 'm-1',
        text: 'Legal basis',
        owner: 'Legal',
        dueDate: '2026-05-01',
        status: 'done',
      },
    ]);
    expect(j.domains.autonomy).toMatchObject({
      computed: 'low',
      level: 'medium',
      override: { level: 'medium', justification: 'Checked by hand' },
    });
    expect(j.conclusionProblems).toEqual([{ path: 'conditions', code: 'conditionsRequired' }]);
  });

  it('writes proposal titles in Dutch with --lang nl', async () => {
    const a = await assessment();
    const j = JSON.parse(
      (await cli('score', tempFile(serializeAssessment(a), 'a.fria.json'), '--lang', 'nl')).out,
    );
    expect(j.proposals[0].title).toBe('Bijzondere gegevens zonder grondslag');
  });
});
