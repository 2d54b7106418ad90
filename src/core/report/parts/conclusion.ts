/** The conclusion part: the decision, its reasoning and conditions, or that none is recorded. */
import type { Conclusion } from '../../assessment/assessment-schema';
import type { ReportContext } from '../report-context';
import type { ReportModel } from '../report-model';
import type { ReportTextKey } from '../report-texts';

const DECISION_KEY: Record<Conclusion['decision'], ReportTextKey> = {
  proceed: 'decisionProceed',
  proceedWithConditions: 'decisionProceedWithConditions',
  doNotProceed: 'decisionDoNotProceed',
};

const filledConditions = (ctx: ReportContext): string[] =>
  (ctx.a.conclusion?.conditions ?? []).filter((x) => x.trim() !== '');

export function conclusionPart(ctx: ReportContext): ReportModel['conclusion'] {
  const { t } = ctx;
  const c = ctx.a.conclusion;
  return c
    ? {
        recorded: true,
        decision: t(DECISION_KEY[c.decision]),
        reasoning: c.reasoning,
        conditions: filledConditions(ctx),
      }
    : { recorded: false, decision: t('conclusionMissing'), reasoning: '', conditions: [] };
}

/**
 * The decision as the cover and the summary page say it, so a reader sees it first. Without a
 * recorded conclusion it says plainly that there is no decision yet — never one by default.
 */
export function decisionSummary(ctx: ReportContext): ReportModel['summary']['decision'] {
  const { t } = ctx;
  const c = ctx.a.conclusion;
  if (!c)
    return {
      recorded: false,
      label: t('decisionLabel'),
      text: t('decisionNone'),
      coverText: t('decisionNone'),
      note: t('decisionNoneNote'),
      conditions: [],
    };
  const text = t(DECISION_KEY[c.decision]);
  const conditions = filledConditions(ctx);
  return {
    recorded: true,
    label: t('decisionLabel'),
    text,
    coverText:
      conditions.length > 0
        ? t('decisionCoverConditions', { decision: text, count: conditions.length })
        : text,
    note: conditions.length > 0 ? t('decisionConditionsIntro') : null,
    conditions,
  };
}
