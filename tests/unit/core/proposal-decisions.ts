/**
 * Test data: handles every open proposal of an assessment the way a team would before signing —
 * a proposal whose domain already has a risk is taken into the first such risk (merged); any
 * other is dismissed with a reason. Used where a fixture must be signed.
 */
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import type { Questionnaire } from '../../../src/core/questionnaire/questionnaire-schema';
import { proposalViews } from '../../../src/core/register/proposals';

export const DISMISS_REASON =
  'Besproken in het team: valt onder de risico’s die al in het register staan.';

export function handleOpenProposals(a: Assessment, q: Questionnaire, at: string): Assessment {
  const proposals = { ...a.proposals };
  for (const p of proposalViews(q, a)) {
    if (p.status !== 'open') continue;
    const risk = a.register.find((r) => r.domain === p.domain);
    proposals[p.id] = risk
      ? { status: 'accepted', riskId: risk.id, at }
      : { status: 'dismissed', reason: DISMISS_REASON, at };
  }
  return { ...a, proposals };
}
