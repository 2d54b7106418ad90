/** The conclusion part: the decision, its reasoning and conditions, or that none is recorded. */
import type { ReportContext } from '../report-context';
import type { ReportModel } from '../report-model';

export function conclusionPart(ctx: ReportContext): ReportModel['conclusion'] {
  const { t } = ctx;
  const c = ctx.a.conclusion;
  return c
    ? {
        recorded: true,
        decision: t(
          c.decision === 'proceed'
            ? 'decisionProceed'
            : c.decision === 'proceedWithConditions'
              ? 'decisionProceedWithConditions'
              : 'decisionDoNotProceed',
        ),
        reasoning: c.reasoning,
        conditions: c.conditions.filter((x) => x.trim() !== ''),
      }
    : { recorded: false, decision: t('conclusionMissing'), reasoning: '', conditions: [] };
}
