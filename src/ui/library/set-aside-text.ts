import type { Questionnaire } from '../../core/questionnaire';
import type { QuestionnaireMigration, SetAsideAnswer } from '../../core/questionnaire';
import { indexQuestionnaire } from '../../core/questionnaire/questionnaire-index';
import { pick } from '../../core/texts/localized';
import { questionTitle } from '../../core/questionnaire/repeat';

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * One plain line per set-aside answer: the question as it was asked (from the questionnaire the
 * answer was given under), the answer in words, and why it was set aside.
 */
export function setAsideLines(
  items: readonly SetAsideAnswer[],
  from: Questionnaire | null,
  locale: string,
  t: T,
): string[] {
  const index = from ? indexQuestionnaire(from) : null;
  return items.map((item) => {
    const question = index?.byId.get(item.questionId)?.question;
    const label = question && from ? questionTitle(from, item.questionId, locale) : item.questionId;
    const optionLabel = (id: string) => {
      const o =
        question && 'options' in question ? question.options.find((x) => x.id === id) : null;
      return o ? pick(o.label, locale) : id;
    };
    const v = item.value;
    let value: string;
    if (typeof v === 'boolean') value = t(v ? 'upgrade.yes' : 'upgrade.no');
    else if (Array.isArray(v)) value = v.map(optionLabel).join(', ');
    else if (typeof v === 'number') value = String(v);
    else if (v === '') value = t('upgrade.empty');
    else value = question && 'options' in question ? optionLabel(v) : v;
    if (value.length > 120) value = `${value.slice(0, 117)}…`;
    const line = t('upgrade.item', {
      question: label,
      value,
      reason: t(`upgrade.reason.${item.reason}`),
    });
    return item.note ? `${line} — ${t('upgrade.note', { note: item.note })}` : line;
  });
}

/**
 * What the new version no longer uses, though it stays in the assessment: overrides whose domain
 * or level is gone, risks in a domain that is gone, responses to red flags that are gone. One
 * sentence each, naming the domains as the old questionnaire called them.
 */
export function unmatchedLines(
  unmatched: QuestionnaireMigration['unmatched'],
  from: Questionnaire | null,
  locale: string,
  t: T,
): string[] {
  const domainName = (id: string) => {
    const d = from?.domains.find((x) => x.id === id);
    return d ? pick(d.label, locale) : id;
  };
  const names = (ids: readonly string[]) => ids.map(domainName).join(', ');
  const lines: string[] = [];
  if (unmatched.overrides.length > 0)
    lines.push(t('upgrade.unmatchedOverrides', { domains: names(unmatched.overrides) }));
  if (unmatched.riskDomains.length > 0)
    lines.push(t('upgrade.unmatchedRisks', { domains: names(unmatched.riskDomains) }));
  if (unmatched.redFlagResponses.length > 0)
    lines.push(t('upgrade.unmatchedFlags', { count: unmatched.redFlagResponses.length }));
  return lines;
}
