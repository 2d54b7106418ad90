/**
 * The summary part: the overall level and how it came about, each domain with its score, level,
 * override and reasons, the red flags with what triggered them, the heat map and the open required
 * questions.
 */
import { OVERALL_DOMAIN, type Questionnaire } from '../../questionnaire/questionnaire-schema';
import { explainTrace } from '../../scoring/explain';
import type { IgnoredOverride, ScoreResult } from '../../scoring/scoring';
import { pick, roleName } from '../../texts/localized';
import { levelObligations, obligationKindLabel } from '../../scoring/obligations';
import { formatNumber, formatPercent } from '../report-format';
import { decisionSummary } from './conclusion';
import type { ReportContext } from '../report-context';
import type {
  ReportDomain,
  ReportHeatMap,
  ReportLevelGuide,
  ReportModel,
  ReportRedFlag,
} from '../report-model';
import { reportLocale, reportText } from '../report-texts';
import { questionRef } from './answers';
import { redFlagRisks } from '../../register/proposals';
import { riskNumbers } from '../../register/risk-numbers';
import { carriedSource, unconfirmedCarried } from '../../assessment/carry';

/**
 * Says in words why an override in the assessment was not applied and which level counts instead
 * (docs/scoring.md: an override needs a declared level and a written justification). Used by the
 * report and the command line, so a file edited by hand never changes a level without a word.
 */
export function ignoredOverrideText(
  o: IgnoredOverride,
  q: Questionnaire,
  result: ScoreResult,
  locale: string,
): string {
  const lang = reportLocale(locale);
  const label = (id: string | null) =>
    id
      ? pick(q.levels.find((l) => l.id === id)?.label, lang) || id
      : reportText('notAssessed', lang);
  const domain = pick(q.domains.find((d) => d.id === o.domain)?.label, lang) || o.domain;
  const computed = label(result.byDomain[o.domain]?.computed ?? null);
  if (o.reason === 'unknownDomain') {
    return reportText('overrideIgnoredDomain', lang, { domain, level: o.level });
  }
  if (o.reason === 'unknownLevel') {
    return reportText('overrideIgnoredLevel', lang, { domain, level: o.level, computed });
  }
  return reportText('overrideIgnoredReason', lang, { domain, level: label(o.level), computed });
}

/** Each domain with its score, levels, override and the "why this level" lines. */
export function reportDomains(ctx: ReportContext): ReportDomain[] {
  const { a, q, result, lang, t, level, levelLabel, domainLabel } = ctx;
  const ignored = (domain: string) => {
    const o = result.ignoredOverrides.find((x) => x.domain === domain);
    return o ? ignoredOverrideText(o, q, result, lang) : null;
  };
  return result.domains.map((d) => {
    const label = domainLabel(d.domain);
    return {
      id: d.domain,
      label,
      scoreText:
        d.ratio === null
          ? t('notAssessed')
          : // With the credit for measures, the level follows the lowered score: show both.
            t(
              d.adjustedRatio !== null && d.adjustedRatio !== d.ratio
                ? 'scoreValueCredited'
                : 'scoreValue',
              {
                raw: formatNumber(d.raw, lang),
                max: formatNumber(d.max, lang),
                pct: formatPercent(d.ratio, lang),
                adjusted: formatPercent(d.adjustedRatio ?? d.ratio, lang),
              },
            ),
      computed: level(d.computed),
      final: level(d.final),
      override: d.override
        ? {
            level: level(d.override.level),
            justification: d.override.justification,
            text: [
              t('overrideValue', {
                from: levelLabel(d.computed),
                to: levelLabel(d.override.level),
                reason: d.override.justification,
              }),
              overrideWho(ctx, d.domain),
            ]
              .filter((x) => x !== '')
              .join(' '),
          }
        : null,
      ignoredOverride: ignored(d.domain),
      redFlags: d.redFlags.map(
        (id) => pick(q.redFlags?.find((f) => f.id === id)?.text, lang) || id,
      ),
      why: d.trace.map((entry) => explainTrace(entry, q, lang, { register: a.register })),
    };
  });
}

/** "Set by A. Jansen, 7 December 2026 10:12." for an override; empty when the file lacks both. */
function overrideWho(ctx: ReportContext, domain: string): string {
  const o = Object.hasOwn(ctx.a.overrides, domain) ? ctx.a.overrides[domain] : undefined;
  if (!o?.by && !o?.at) return '';
  return ctx.t('overrideBy', {
    by: o.by || ctx.t('overrideByUnknown'),
    at: o.at ? ctx.moment(o.at) : ctx.t('overrideAtUnknown'),
  });
}

function reportRedFlags(ctx: ReportContext, numbers: ReadonlyMap<string, string>): ReportRedFlag[] {
  const { a, q, result, lang, t, level, levelLabel, domainLabel } = ctx;
  const covered = redFlagRisks(q, a, result);
  const riskNumber = riskNumbers(a.register);
  return result.redFlags.map((f) => {
    const def = q.redFlags?.find((x) => x.id === f.id);
    const response = a.redFlagResponses[f.id];
    const riskId = covered.get(f.id);
    const risk = riskId ? a.register.find((r) => r.id === riskId) : undefined;
    return {
      id: f.id,
      text: pick(def?.text, lang) || f.id,
      scope:
        f.domain === OVERALL_DOMAIN
          ? t('redFlagOverall', { level: levelLabel(f.minLevel) })
          : t('redFlagDomain', { domain: domainLabel(f.domain), level: levelLabel(f.minLevel) }),
      minLevel: level(f.minLevel),
      triggers: f.questions.map((id) => questionRef(ctx, numbers, id)),
      response: response !== undefined && response.trim() !== '' ? response : null,
      coveredBy: risk
        ? t('redFlagCovered', { risk: `${riskNumber.get(risk.id) ?? ''} “${risk.title}”`.trim() })
        : null,
    };
  });
}

/** How the credit for measures worked out; null when the questionnaire has none or none applies. */
function mitigationHow(ctx: ReportContext): string | null {
  const { q, result, lang, t } = ctx;
  const credit = result.mitigation;
  return q.mitigation && credit && credit.max > 0
    ? t(credit.applied ? 'mitigationApplied' : 'mitigationNotApplied', {
        raw: formatNumber(credit.raw, lang),
        max: formatNumber(credit.max, lang),
        pct: formatPercent(credit.raw / credit.max, lang),
        threshold: formatPercent(q.mitigation.threshold, lang),
        reduction: formatPercent(q.mitigation.reduction, lang),
        factor: formatNumber(1 - q.mitigation.reduction, lang),
      })
    : null;
}

/** What each level means for the domains at it; only worth a list when the domains differ. */
function levelGuide(ctx: ReportContext, domains: ReportDomain[]): ReportLevelGuide[] {
  const finalLevels = new Set(domains.map((d) => d.final?.id).filter((id) => id !== undefined));
  return finalLevels.size < 2
    ? []
    : [...ctx.levelRefs]
        .reverse()
        .filter((l) => l.description !== null && finalLevels.has(l.id))
        .map((l) => ({
          level: l,
          domains: domains.filter((d) => d.final?.id === l.id).map((d) => d.label),
          description: l.description!,
        }));
}

/**
 * While required questions are open every level is provisional: the note said after each level
 * (long, with the count; short for table cells), or nulls when the assessment is complete.
 */
export function levelNotes(ctx: ReportContext): {
  levelNote: string | null;
  levelNoteShort: string | null;
} {
  if (ctx.result.complete) return { levelNote: null, levelNoteShort: null };
  const count = ctx.result.openRequired.length;
  return {
    levelNote: ctx.t(count === 1 ? 'levelProvisionalOne' : 'levelProvisionalOther', { count }),
    levelNoteShort: ctx.t('levelProvisionalShort'),
  };
}

/** "Provisional: n required questions open", or null when the assessment is complete. */
export function provisionalText(ctx: ReportContext): string | null {
  return ctx.result.complete
    ? null
    : ctx.t('coverProvisional', { count: ctx.result.openRequired.length });
}

export function summaryPart(
  ctx: ReportContext,
  numbers: ReadonlyMap<string, string>,
  heatMap: ReportHeatMap,
): ReportModel['summary'] {
  const { q, result, lang, t } = ctx;
  const overall = ctx.level(result.overall.level);
  const domains = reportDomains(ctx);
  const notes = levelNotes(ctx);
  return {
    ...notes,
    intro: t('summaryIntro'),
    overall,
    overallText: t('summaryOverallLine', {
      level: overall
        ? notes.levelNote
          ? `${overall.label} (${notes.levelNote})`
          : overall.label
        : t('notAssessed'),
    }),
    overallDescription: overall?.description ?? null,
    overallHow: t(
      result.overall.aggregation === 'mean' ? 'summaryOverallHowMean' : 'summaryOverallHow',
    ),
    obligations: obligationsPart(ctx),
    decision: decisionSummary(ctx),
    mitigationHow: mitigationHow(ctx),
    domains,
    levelGuide: levelGuide(ctx, domains),
    redFlags: reportRedFlags(ctx, numbers),
    strayOverrides: result.ignoredOverrides
      .filter((o) => o.reason === 'unknownDomain')
      .map((o) => ignoredOverrideText(o, q, result, lang)),
    heatMap,
    levels: ctx.levelRefs,
    openRequired: result.openRequired.map((id) => questionRef(ctx, numbers, id)),
    notApplicable: result.notApplicable.map((n) => ({
      ...questionRef(ctx, numbers, n.questionId),
      answer: n.reason,
    })),
    unconfirmedCarried: unconfirmedCarried(ctx.a, ctx.q).map((id) => questionRef(ctx, numbers, id)),
    carriedIntro: ctx.a.carriedFrom
      ? ctx.t('carriedIntro', { ...carriedSource(ctx.a.carriedFrom, ctx.lang) })
      : null,
    provisional: provisionalText(ctx),
  };
}

/** The obligations of the final overall level, never as settled while questions are open. */
function obligationsPart(ctx: ReportContext): ReportModel['summary']['obligations'] {
  const { q, result, lang, t } = ctx;
  const ob = levelObligations(q, result);
  if (!ob) return null;
  const level = pick(ob.levelLabel, lang);
  const roles = ob.requiredRoles
    .map((id) => roleName(q.signOff?.roles.find((r) => r.id === id)?.label, lang) || id)
    .join(', ');
  return {
    title: t('obligationsTitle', { level }),
    provisional: ob.settled ? null : t('obligationsProvisional', { level }),
    items: ob.obligations.map((o) => ({
      kind: obligationKindLabel(o.kind, lang),
      text: pick(o.text, lang),
    })),
    roles: roles
      ? t(ob.settled ? 'obligationsRoles' : 'obligationsRolesProvisional', { roles })
      : null,
  };
}
