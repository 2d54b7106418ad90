/**
 * The front matter: the PDF's document properties, the running header, the list of parts, the cover
 * and the context page.
 */
import { pick } from '../../texts/localized';
import { markdownToPlainText } from '../markdown';
import type { ReportContext } from '../report-context';
import type { LabelValue, ReportModel, ReportPartId, ReportSection } from '../report-model';
import type { ReportTextKey } from '../report-texts';
import { decisionSummary } from './conclusion';
import { levelNotes } from './summary';

/** A file name from the system name: keeps letters of any script, drops path and control characters. */
export function attachmentFileName(systemName: string): string {
  const base = systemName
    .normalize('NFC')
    // Invisible format characters go: a right-to-left override (U+202E) before "fdp.exe" shows
    // "exe.pdf" in a file list.
    .replace(/\p{Cf}+/gu, '')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .trim();
  return `${base || 'assessment'}.fria.json`;
}

/** What the report is called and what it is about, used on several pages. */
export interface ReportIdentity {
  /** The questionnaire's title, else the generic words. */
  title: string;
  /** The system name, else the assessment's title, else its id. */
  system: string;
  questionnaireTitle: string;
  attachmentName: string;
}

export function reportIdentity(ctx: ReportContext): ReportIdentity {
  const { a, q, lang, t } = ctx;
  const questionnaireTitle = pick(q.title, lang);
  return {
    // The report is titled after its questionnaire (a quick scan is not a full FRIA); the generic
    // words only when the questionnaire's title is blank in every language.
    title: questionnaireTitle.trim() || t('reportTitle'),
    system: a.meta.systemName || a.meta.title || a.id,
    questionnaireTitle,
    attachmentName: attachmentFileName(a.meta.systemName || a.meta.title),
  };
}

export function documentPart(
  ctx: ReportContext,
  id: ReportIdentity,
  appVersion: string,
): ReportModel['document'] {
  const { a, lang, t } = ctx;
  return {
    title: `${id.title} — ${id.system}`,
    subject: t('docSubject', { title: id.title, system: id.system }),
    author: [a.meta.owner, a.meta.organisation].filter((x) => x.trim() !== '').join(', '),
    // The questionnaire's own words, not those of one framework (a quick scan is no IAMA).
    keywords: t('docKeywords', { title: id.title, system: id.system }),
    creator: `${t('generator')} ${appVersion}`,
    // Codes jsPDF's setLanguage accepts (it has no nl-NL).
    language: lang === 'nl' ? 'nl' : 'en-GB',
    attachmentName: id.attachmentName,
    pdfName: id.attachmentName.replace(/\.fria\.json$/, `.${lang}.pdf`),
  };
}

export function runningPart(
  ctx: ReportContext,
  id: ReportIdentity,
  hash: string,
  signed: boolean,
): ReportModel['running'] {
  return {
    header: `${id.title} · ${id.system}`,
    title: id.title,
    system: id.system,
    shortHash: hash.slice(0, 12),
    draftMark: signed ? null : ctx.t('draftMark'),
  };
}

const PART_IDS: readonly ReportPartId[] = [
  'cover',
  'summary',
  'context',
  'answers',
  'register',
  'actionPlan',
  'conclusion',
  'coverage',
  'signOff',
  'integrity',
];

const PART_KEY: Record<ReportPartId, ReportTextKey> = {
  cover: 'partCover',
  summary: 'partSummary',
  context: 'partContext',
  answers: 'partAnswers',
  register: 'partRegister',
  actionPlan: 'partActionPlan',
  conclusion: 'partConclusion',
  coverage: 'partCoverage',
  signOff: 'partSignOff',
  integrity: 'partIntegrity',
};

export function partsList(ctx: ReportContext): ReportModel['parts'] {
  return PART_IDS.map((id) => ({ id, title: ctx.t(PART_KEY[id]) }));
}

/** The assessment title, when it says something the system name does not. */
function titleField(ctx: ReportContext, id: ReportIdentity): LabelValue[] {
  const { a, t } = ctx;
  return a.meta.title && a.meta.title !== id.system
    ? [{ label: t('coverAssessmentTitle'), value: a.meta.title }]
    : [];
}

export function coverPart(
  ctx: ReportContext,
  id: ReportIdentity,
  status: ReportModel['status'],
  provisional: string | null,
  generatedAt: string,
): ReportModel['cover'] {
  const { a, q, t, moment } = ctx;
  const overall = ctx.level(ctx.result.overall.level);
  const notes = levelNotes(ctx);
  return {
    title: id.title,
    systemName: id.system,
    fields: [
      { label: t('coverOrganisation'), value: a.meta.organisation },
      { label: t('coverOwner'), value: a.meta.owner },
      ...titleField(ctx, id),
      {
        label: t('coverQuestionnaire'),
        value: t('coverQuestionnaireValue', { title: id.questionnaireTitle, version: q.version }),
      },
      { label: t('coverCreated'), value: moment(a.createdAt) },
      { label: t('coverUpdated'), value: moment(a.updatedAt) },
      { label: t('coverGenerated'), value: moment(generatedAt) },
      { label: t('coverVersion'), value: String(a.version) },
      { label: t('coverStatus'), value: status.label },
      { label: t('decisionLabel'), value: decisionSummary(ctx).coverText },
    ].filter((f) => f.value.trim() !== ''),
    overall,
    overallText: overall
      ? notes.levelNoteShort
        ? `${overall.label} (${notes.levelNoteShort})`
        : overall.label
      : t('notAssessed'),
    overallDescription: overall?.description ?? null,
    provisional,
    ...notes,
    note: status.signed ? null : t('coverNotSignedNote'),
  };
}

export function contextPart(
  ctx: ReportContext,
  id: ReportIdentity,
  status: ReportModel['status'],
  sections: readonly ReportSection[],
): ReportModel['context'] {
  const { a, q, lang, t, moment } = ctx;
  const visibleCount = sections.reduce((n, s) => n + s.questions.length, 0);
  const answeredCount = sections.reduce(
    (n, s) => n + s.questions.filter((x) => x.answered).length,
    0,
  );
  return {
    fields: [
      { label: t('coverSystem'), value: id.system },
      { label: t('coverOrganisation'), value: a.meta.organisation },
      { label: t('coverOwner'), value: a.meta.owner },
      ...titleField(ctx, id),
      {
        label: t('coverQuestionnaire'),
        value: t('coverQuestionnaireValue', { title: id.questionnaireTitle, version: q.version }),
      },
      {
        label: t('contextCompleteness'),
        value: t('contextCompletenessValue', {
          answered: answeredCount,
          visible: visibleCount,
        }),
      },
      { label: t('coverCreated'), value: moment(a.createdAt) },
      { label: t('coverUpdated'), value: moment(a.updatedAt) },
      { label: t('coverVersion'), value: String(a.version) },
      { label: t('coverStatus'), value: status.label },
      { label: t('contextLanguage'), value: t('contextLanguageValue') },
      { label: t('contextId'), value: a.id },
    ].filter((f) => f.value.trim() !== ''),
    about: t('contextAboutText', { file: id.attachmentName }),
    questionnaireDescription: q.description ? markdownToPlainText(pick(q.description, lang)) : null,
  };
}
