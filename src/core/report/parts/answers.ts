/**
 * The answers part: the visible sections and questions, numbered as the reader sees them, and the
 * answers set aside when the assessment moved to a new questionnaire version.
 */
import type { Question } from '../../questionnaire/questionnaire-schema';
import { isAnswered, mixesExclusive } from '../../scoring/answers';
import { pick } from '../../texts/localized';
import { instanceLabel, questionInstance, questionTitle } from '../../questionnaire/repeat';
import { markdownToPlainText } from '../markdown';
import { answerLines } from '../report-format';
import { carriedSource, carriedState } from '../../assessment/carry';
import { formatDay } from '../../texts/format';
import type { ReportContext } from '../report-context';
import type { ReportModel, ReportQuestion, ReportSection, ReportTrigger } from '../report-model';

export interface ReportAnswers {
  sections: ReportSection[];
  /** "3.2" by question id, for the visible questions only. */
  numbers: Map<string, string>;
}

/** Numbers: section position, then position among the section's visible questions. */
export function answersPart(ctx: ReportContext): ReportAnswers {
  const { q, result, lang } = ctx;
  const numbers = new Map<string, string>();
  const sections: ReportSection[] = [];
  q.sections.forEach((section, si) => {
    if (!result.visibility.sections.has(section.id)) return;
    const questions: ReportQuestion[] = [];
    for (const question of section.questions) {
      if (!result.visibility.questions.has(question.id)) continue;
      const number = `${si + 1}.${questions.length + 1}`;
      numbers.set(question.id, number);
      questions.push(reportQuestion(ctx, question, number));
    }
    sections.push({
      id: section.id,
      number: String(si + 1),
      title: pick(section.title, lang),
      description: section.description
        ? markdownToPlainText(pick(section.description, lang))
        : null,
      questions,
    });
  });
  return { sections, numbers };
}

function reportQuestion(ctx: ReportContext, question: Question, number: string): ReportQuestion {
  const { a, result, lang, t } = ctx;
  const value = result.visibility.effective[question.id];
  const naReason = result.visibility.notApplicable.get(question.id);
  const answered = isAnswered(value) || naReason !== undefined;
  const note = a.notes[question.id];
  const stored = Object.prototype.hasOwnProperty.call(a.answers, question.id)
    ? a.answers[question.id]
    : undefined;
  // A stored answer that mixes "None of these" with other options counts as open; the report says
  // why, with what was saved, rather than only "not answered".
  const mixed =
    !answered && question.type === 'multiChoice' && mixesExclusive(question, stored)
      ? t('answerMixedExclusive', {
          options: question.options
            .filter((o) => o.exclusive && (stored as string[]).includes(o.id))
            .map((o) => `“${pick(o.label, lang)}”`)
            .join(', '),
          saved: answerLines(question, stored, lang).join(', '),
        })
      : null;
  // An answer carried over from another assessment says so, and whether anyone confirmed it.
  const carried = naReason === undefined && answered ? carriedState(a, question.id) : null;
  const carriedLine =
    carried && a.carriedFrom
      ? carried === 'unconfirmed'
        ? t('carriedUnconfirmed', { ...carriedSource(a.carriedFrom, lang) })
        : t('carriedConfirmed', {
            ...carriedSource(a.carriedFrom, lang),
            confirmed: formatDay((a.carried?.[question.id]?.confirmedAt ?? '').slice(0, 10), lang),
          })
      : null;
  return {
    id: question.id,
    number,
    label: pick(question.label, lang),
    instance: instanceOf(ctx, question.id),
    type: question.type,
    required: question.required === true,
    answered,
    answer:
      naReason !== undefined
        ? [t('notApplicableAnswer', { reason: naReason })]
        : answered
          ? [...answerLines(question, value, lang), ...(carriedLine ? [carriedLine] : [])]
          : mixed
            ? [mixed]
            : [question.required ? t('notAnsweredRequired') : t('notAnswered')],
    note: note !== undefined && note.trim() !== '' ? note : null,
    sources: (question.legal ?? []).map((l) =>
      [l.source, l.article].filter((x) => x && x.trim() !== '').join(' '),
    ),
  };
}

/** The instance a question of a repeating group is asked for, in words; null for other questions. */
function instanceOf(ctx: ReportContext, id: string): string | null {
  const inst = questionInstance(ctx.q, id);
  return inst ? instanceLabel(ctx.q, inst, ctx.lang) : null;
}

/** A question as a reference (number, label, answer), e.g. for what triggered a red flag. */
export function questionRef(
  ctx: ReportContext,
  numbers: ReadonlyMap<string, string>,
  id: string,
): ReportTrigger {
  const entry = ctx.index.byId.get(id);
  const value = ctx.result.visibility.effective[id];
  return {
    number: numbers.get(id) ?? '',
    question: entry ? questionTitle(ctx.q, id, ctx.lang) : id,
    answer: entry ? answerLines(entry.question, value, ctx.lang).join(', ') : '',
  };
}

/** Answers kept aside when the assessment moved to a new questionnaire version (never dropped). */
export function setAsidePart(ctx: ReportContext): ReportModel['setAside'] {
  const { a, q, index, lang, t } = ctx;
  return a.setAside.map((x) => {
    const question = index.byId.get(x.questionId)?.question;
    const label = question ? questionTitle(q, x.questionId, lang) : x.questionId;
    const answer = Array.isArray(x.value)
      ? x.value.join(', ')
      : typeof x.value === 'boolean'
        ? t(x.value ? 'yes' : 'no')
        : String(x.value);
    const reasonKey =
      x.reason === 'questionRemoved'
        ? 'setAsideQuestionRemoved'
        : x.reason === 'typeChanged'
          ? 'setAsideTypeChanged'
          : 'setAsideOptionRemoved';
    return {
      question: label,
      answer,
      note: x.note ?? null,
      reason: t(reasonKey, { version: q.version }),
    };
  });
}
