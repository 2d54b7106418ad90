import type { Questionnaire } from '../questionnaire/questionnaire-schema';
import type { TraceEntry } from './scoring';
import { intlLocale, pick } from '../texts/localized';
import { indexQuestionnaire } from '../questionnaire/questionnaire-index';
import type { RiskItem } from '../assessment/assessment-schema';

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
  const nl = locale === 'nl';
  const level = (id: string | null) =>
    id === null
      ? nl
        ? 'niet beoordeeld'
        : 'not assessed'
      : pick(q.levels.find((l) => l.id === id)?.label, locale) || id;
  const question = (id: string) => {
    const entryQ = indexQuestionnaire(q).byId.get(id)?.question;
    return entryQ ? `“${pick(entryQ.label, locale)}”` : id;
  };
  const option = (qid: string, oid: string) => {
    const entryQ = indexQuestionnaire(q).byId.get(qid)?.question;
    // A yes/no question has no options of its own; a choice question may have an option "yes"
    // with its own words ("Yes, and this is not mitigated"), which are the ones to show.
    if (entryQ?.type === 'yesNo' && (oid === 'yes' || oid === 'no'))
      return oid === 'yes' ? (nl ? 'Ja' : 'Yes') : nl ? 'Nee' : 'No';
    if (entryQ && 'options' in entryQ)
      return pick(entryQ.options.find((o) => o.id === oid)?.label, locale) || oid;
    return oid;
  };
  // Dutch writes a decimal comma: 76,9%.
  const pct = (r: number) => `${(Math.round(r * 1000) / 10).toLocaleString(intlLocale(locale))}%`;
  const risk = (id: string) => {
    const i = ctx.register?.findIndex((r) => r.id === id) ?? -1;
    return i >= 0 ? `R${i + 1} “${ctx.register![i]!.title}”` : id;
  };
  switch (entry.kind) {
    case 'answer':
      return nl
        ? `${question(entry.questionId)}: ${entry.options.map((o) => option(entry.questionId, o)).join(', ') || '—'} → ${entry.got} van ${entry.max} punten`
        : `${question(entry.questionId)}: ${entry.options.map((o) => option(entry.questionId, o)).join(', ') || '—'} → ${entry.got} of ${entry.max} points`;
    case 'unanswered':
      return nl
        ? `${question(entry.questionId)}: nog niet beantwoord → 0 van ${entry.max} punten (voorlopig)`
        : `${question(entry.questionId)}: not answered yet → 0 of ${entry.max} points (provisional)`;
    case 'ratio':
      return nl
        ? `Totaal ${entry.raw} van ${entry.max} punten = ${pct(entry.ratio)}`
        : `Total ${entry.raw} of ${entry.max} points = ${pct(entry.ratio)}`;
    case 'mitigation': {
      // The credit multiplies the score (docs/scoring.md §4): "× 0,85" says so, so that "15% lower"
      // is not read as 15 percentage points. Same words as the report's summary.
      const share = entry.max > 0 ? ` (${pct(entry.raw / entry.max)})` : '';
      const factor = (1 - entry.reduction).toLocaleString(intlLocale(locale), {
        maximumFractionDigits: 4,
      });
      return entry.applied
        ? nl
          ? `Korting voor maatregelen: ${entry.raw} van ${entry.max} punten${share}, minstens de nodige ${pct(entry.threshold)} → score ${pct(entry.reduction)} lager (× ${factor}): ${pct(entry.ratio)}`
          : `Credit for measures: ${entry.raw} of ${entry.max} points${share}, at least the ${pct(entry.threshold)} needed → score ${pct(entry.reduction)} lower (× ${factor}): ${pct(entry.ratio)}`
        : nl
          ? `Korting voor maatregelen: ${entry.raw} van ${entry.max} punten${share}, minder dan de nodige ${pct(entry.threshold)} → geen korting`
          : `Credit for measures: ${entry.raw} of ${entry.max} points${share}, less than the ${pct(entry.threshold)} needed → no credit`;
    }
    case 'thresholds':
      // The level's own name after the arrow, with no word before it: names such as
      // "Level II: moderate" already say "level", and "Hoog" needs no "niveau" to be read as one.
      return nl
        ? `${pct(entry.ratio)} vergeleken met de drempels ${entry.thresholds.map(pct).join(', ')} → ${level(entry.level)}`
        : `${pct(entry.ratio)} compared with the thresholds ${entry.thresholds.map(pct).join(', ')} → ${level(entry.level)}`;
    case 'redFlag': {
      const flag = q.redFlags?.find((f) => f.id === entry.flagId);
      const name = flag ? pick(flag.text, locale) : entry.flagId;
      const by = entry.questions.map(question).join(', ');
      return nl
        ? `Rode vlag “${name}” (door ${by || '—'}): minstens ${level(entry.minLevel)}${entry.raised ? ' → niveau verhoogd' : ''}`
        : `Red flag “${name}” (from ${by || '—'}): at least ${level(entry.minLevel)}${entry.raised ? ' → level raised' : ''}`;
    }
    case 'register':
      return nl
        ? `Risicoregister: hoogste restrisico ${entry.product} (${risk(entry.riskId)}) → ${level(entry.level)}`
        : `Risk register: highest residual risk ${entry.product} (${risk(entry.riskId)}) → ${level(entry.level)}`;
    case 'override':
      return nl
        ? `Aangepast van ${level(entry.from)} naar ${level(entry.to)}. Reden: ${entry.justification}`
        : `Overridden from ${level(entry.from)} to ${level(entry.to)}. Reason: ${entry.justification}`;
  }
}
