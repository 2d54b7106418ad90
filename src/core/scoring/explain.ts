import type { Questionnaire } from '../questionnaire/questionnaire-schema';
import type { TraceEntry } from './scoring';
import { pick } from '../texts/localized';
import { formatNumber } from '../texts/format';
import { indexQuestionnaire } from '../questionnaire/questionnaire-index';
import type { RiskItem } from '../assessment/assessment-schema';
import { fillTemplate, type TemplateParams } from '../texts/template';
import { instanceLabel, questionInstance } from '../questionnaire/repeat';
import { explainTexts, type ExplainTextKey } from './explain-texts';

/**
 * Plain-language lines for a domain's trace (docs/scoring.md §11), shared by the app's "why this level?"
 * and the PDF, so both always say the same thing.
 */
export function explainTrace(
  entry: TraceEntry,
  q: Questionnaire,
  locale: string,
  /** The assessment's register, so a register line names the risk ("R2 “title”") instead of its id. */
  ctx: { register?: readonly RiskItem[] } = {},
): string {
  const texts: Record<ExplainTextKey, string> = locale === 'nl' ? explainTexts.nl : explainTexts.en;
  const t = (key: ExplainTextKey, params: TemplateParams = {}) => fillTemplate(texts[key], params);
  const level = (id: string | null) =>
    id === null ? t('notAssessed') : pick(q.levels.find((l) => l.id === id)?.label, locale) || id;
  // A question of a repeating group is named with its instance: "Privacy — “Is there …?”".
  const question = (id: string) => {
    const entryQ = indexQuestionnaire(q).byId.get(id)?.question;
    if (!entryQ) return id;
    const inst = questionInstance(q, id);
    const label = `“${pick(entryQ.label, locale)}”`;
    return inst ? `${instanceLabel(q, inst, locale)} — ${label}` : label;
  };
  const option = (qid: string, oid: string) => {
    const entryQ = indexQuestionnaire(q).byId.get(qid)?.question;
    // A yes/no question has no options of its own; a choice question may have an option "yes"
    // with its own words ("Yes, and this is not mitigated"), which are the ones to show.
    if (entryQ?.type === 'yesNo' && (oid === 'yes' || oid === 'no'))
      return oid === 'yes' ? t('yes') : t('no');
    if (entryQ && 'options' in entryQ)
      return pick(entryQ.options.find((o) => o.id === oid)?.label, locale) || oid;
    return oid;
  };
  // Dutch writes a decimal comma: 76,9%.
  const pct = (r: number) => `${formatNumber(Math.round(r * 1000) / 10, locale)}%`;
  const risk = (id: string) => {
    const i = ctx.register?.findIndex((r) => r.id === id) ?? -1;
    return i >= 0 ? `R${i + 1} “${ctx.register![i]!.title}”` : id;
  };
  switch (entry.kind) {
    case 'answer':
      return t('answer', {
        question: question(entry.questionId),
        options: entry.options.map((o) => option(entry.questionId, o)).join(', ') || '—',
        got: entry.got,
        max: entry.max,
      });
    case 'unanswered':
      return t('unanswered', { question: question(entry.questionId), max: entry.max });
    case 'hidden':
      return t('hidden', { question: question(entry.questionId), max: entry.max });
    case 'rounded':
      return t('rounded', { from: pct(entry.from), to: pct(entry.to), decimals: entry.decimals });
    case 'notApplicable':
      return t('notApplicable', {
        question: question(entry.questionId),
        max: entry.max,
        reason: entry.reason,
      });
    case 'ratio':
      return t('ratio', { raw: entry.raw, max: entry.max, ratio: pct(entry.ratio) });
    case 'mitigation': {
      // The credit multiplies the score (docs/scoring.md §4): "× 0,85" says so, so that "15% lower"
      // is not read as 15 percentage points. Same words as the report's summary.
      const share = entry.max > 0 ? ` (${pct(entry.raw / entry.max)})` : '';
      const factor = formatNumber(1 - entry.reduction, locale, 4);
      return t(entry.applied ? 'mitigationApplied' : 'mitigationNotApplied', {
        raw: entry.raw,
        max: entry.max,
        share,
        threshold: pct(entry.threshold),
        reduction: pct(entry.reduction),
        factor,
        ratio: pct(entry.ratio),
      });
    }
    case 'thresholds':
      // The level's own name after the arrow, with no word before it: names such as
      // "Level II: moderate" already say "level", and "Hoog" needs no "niveau" to be read as one.
      return t('thresholds', {
        ratio: pct(entry.ratio),
        thresholds: entry.thresholds.map(pct).join(', '),
        level: level(entry.level),
      });
    case 'redFlag': {
      const flag = q.redFlags?.find((f) => f.id === entry.flagId);
      return t('redFlag', {
        name: flag ? pick(flag.text, locale) : entry.flagId,
        by: entry.questions.map(question).join(', ') || '—',
        level: level(entry.minLevel),
        raised: entry.raised ? t('redFlagRaised') : '',
      });
    }
    case 'register':
      return t('register', {
        product: entry.product,
        risk: risk(entry.riskId),
        level: level(entry.level),
      });
    case 'override':
      return t('override', {
        from: level(entry.from),
        to: level(entry.to),
        justification: entry.justification,
      });
  }
}
