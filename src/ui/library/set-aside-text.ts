import type { Questionnaire } from '../../core/questionnaire-schema';
import type { SetAsideAnswer } from '../../core/questionnaire-migration';
import { indexQuestionnaire } from '../../core/questionnaire-index';
import { pick } from '../../core/localized';

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
    const label = question ? pick(question.label, locale) : item.questionId;
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
