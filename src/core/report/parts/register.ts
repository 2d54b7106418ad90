/**
 * The register and action-plan parts: the risks with their scores and measures, the heat map, the
 * dismissed proposals and the measures by due date. Numbering, cells and order come from the
 * register room, so the app's register screens and the report always agree.
 */
import type { RiskItem } from '../../assessment/assessment-schema';
import { dismissedProposals, proposalTitle, proposalViews } from '../../register/proposals';
import { actionPlan, sortActions, type ActionRow } from '../../register/action-plan';
import { cellLines, heatMap as registerHeatMap, riskNumbers } from '../../register/register-views';
import { bandLevel } from '../../scoring/scoring';
import { formatDay } from '../report-format';
import type { ReportContext } from '../report-context';
import type {
  ReportHeatMap,
  ReportMeasure,
  ReportModel,
  ReportProposal,
  ReportRisk,
  ReportRiskScore,
} from '../report-model';

export interface ReportRegisterParts {
  register: ReportModel['register'];
  actionPlan: ReportModel['actionPlan'];
  heatMap: ReportHeatMap;
}

export function registerParts(ctx: ReportContext): ReportRegisterParts {
  const { a, q, lang, level } = ctx;
  const riskNumber = riskNumbers(a.register);
  const actions = actionPlan(a);
  const risks: ReportRisk[] = a.register.map((risk) =>
    reportRisk(ctx, risk, riskNumber.get(risk.id)!, actions),
  );
  const cells = registerHeatMap(q, a.register);
  const heatMap: ReportHeatMap = {
    inherent: cells.map((row) => row.map((c) => c.inherent.length)),
    residual: cells.map((row) => row.map((c) => c.residual.length)),
    bands: cells.map((row) => row.map((c) => level(c.level))),
    labels: {
      inherent: cells.map((row) => row.map((c) => cellLines(c.inherent, riskNumber))),
      residual: cells.map((row) => row.map((c) => cellLines(c.residual, riskNumber))),
    },
    total: a.register.length,
  };
  // By due date; undated measures last; ties in register order.
  const measures = sortActions(actions, 'dueDate', 'ascending', lang).map((m) =>
    reportMeasure(ctx, m),
  );
  return {
    register: {
      risks,
      proposals: reportProposals(ctx, riskNumber),
    },
    actionPlan: { measures },
    heatMap,
  };
}

/**
 * Every proposal the current answers make, with what was done with it, in the register screen's
 * order; then dismissals of proposals the answers no longer make (their reason is kept).
 */
function reportProposals(ctx: ReportContext, riskNumber: Map<string, string>): ReportProposal[] {
  const { a, q, result, lang, domainLabel, t } = ctx;
  const views = proposalViews(q, a, result);
  const perRisk = new Map<string, number>();
  for (const p of views)
    if (p.status === 'accepted' && p.riskId)
      perRisk.set(p.riskId, (perRisk.get(p.riskId) ?? 0) + 1);
  const out: ReportProposal[] = views.map((p) => {
    const base = {
      title: proposalTitle(q, p, lang),
      domain: p.domain ? domainLabel(p.domain) : '',
      reason: '',
      current: true,
    };
    if (p.status === 'dismissed')
      return {
        ...base,
        status: 'dismissed',
        reason: p.reason ?? '',
        statusText: t('proposalDismissed', { reason: p.reason ?? '' }),
      };
    if (p.status === 'accepted' && p.riskId) {
      const number = riskNumber.get(p.riskId) ?? '';
      const others = (perRisk.get(p.riskId) ?? 1) - 1;
      return others > 0
        ? {
            ...base,
            status: 'merged',
            statusText: t(others === 1 ? 'proposalMergedOne' : 'proposalMerged', {
              number,
              others,
            }),
          }
        : { ...base, status: 'accepted', statusText: t('proposalAccepted', { number }) };
    }
    return { ...base, status: 'open', statusText: t('proposalOpen') };
  });
  for (const d of dismissedProposals(q, a, lang, result)) {
    if (d.current) continue;
    out.push({
      title: d.title,
      domain: d.domain ? domainLabel(d.domain) : '',
      status: 'dismissed',
      reason: d.reason,
      statusText: `${t('proposalDismissed', { reason: d.reason })} ${t('registerDismissedNotCurrent')}`,
      current: false,
    });
  }
  return out;
}

function riskScore(ctx: ReportContext, l: number, s: number): ReportRiskScore {
  const product = l * s;
  const lvl = ctx.level(bandLevel(ctx.q, product));
  return {
    likelihood: l,
    severity: s,
    product,
    level: lvl,
    text: lvl
      ? ctx.t('riskScoreLevel', { l, s, p: product, level: lvl.label })
      : ctx.t('riskScore', { l, s, p: product }),
  };
}

function reportMeasure(ctx: ReportContext, m: ActionRow): ReportMeasure {
  const { t, lang } = ctx;
  return {
    id: m.measureId,
    riskNumber: m.riskNumber,
    riskTitle: m.riskTitle.trim() || m.riskNumber,
    text: m.text,
    owner: m.owner.trim() || t('noOwner'),
    due: m.dueDate ? formatDay(m.dueDate, lang) : t('noDueDate'),
    dueDate: m.dueDate,
    status: m.status,
    statusLabel: t(
      m.status === 'planned'
        ? 'measurePlanned'
        : m.status === 'inProgress'
          ? 'measureInProgress'
          : 'measureDone',
    ),
  };
}

function reportRisk(
  ctx: ReportContext,
  risk: RiskItem,
  number: string,
  actions: readonly ActionRow[],
): ReportRisk {
  return {
    id: risk.id,
    number,
    domain: ctx.domainLabel(risk.domain),
    title: risk.title.trim() || number,
    description: risk.description,
    affectedGroups: risk.affectedGroups,
    inherent: riskScore(ctx, risk.likelihood, risk.severity),
    residual: riskScore(ctx, risk.residualLikelihood, risk.residualSeverity),
    residualJustification:
      risk.residualJustification && risk.residualJustification.trim() !== ''
        ? risk.residualJustification
        : null,
    measures: actions.filter((m) => m.riskId === risk.id).map((m) => reportMeasure(ctx, m)),
  };
}
