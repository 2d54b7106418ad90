/**
 * What every part of the report needs: the report language and its texts, the score, the levels as
 * the report shows them, and labels for domains. Built once per report by `reportContext()`.
 */
import type { Assessment } from '../assessment/assessment-schema';
import { OVERALL_DOMAIN, type Questionnaire } from '../questionnaire/questionnaire-schema';
import { indexQuestionnaire, type QuestionnaireIndex } from '../questionnaire/questionnaire-index';
import { score, type ScoreResult } from '../scoring/scoring';
import { pick } from '../texts/localized';
import { markdownToPlainText } from './markdown';
import { formatMoment } from './report-format';
import type { LevelRef } from './report-model';
import { reportLocale, reportText, type ReportLocale, type ReportTextKey } from './report-texts';

export interface ReportContext {
  lang: ReportLocale;
  /** A report text in the report's language, placeholders filled in. */
  t: (key: ReportTextKey, params?: Record<string, string | number>) => string;
  q: Questionnaire;
  a: Assessment;
  result: ScoreResult;
  index: QuestionnaireIndex;
  /** Every level of the questionnaire, lowest first. */
  levelRefs: LevelRef[];
  level: (id: string | null | undefined) => LevelRef | null;
  /** The level's label, or "not assessed". */
  levelLabel: (id: string | null | undefined) => string;
  /** The domain's label; the overall words for `overall`. */
  domainLabel: (id: string) => string;
  /** A date-time as the report prints it, in the reader's time zone when given. */
  moment: (iso: string) => string;
}

export function reportContext(
  a: Assessment,
  q: Questionnaire,
  locale: string,
  timeZone: string | undefined,
): ReportContext {
  const lang = reportLocale(locale);
  const t = (key: ReportTextKey, params?: Record<string, string | number>) =>
    reportText(key, lang, params);
  const levelRefs = q.levels.map((l, i): LevelRef => {
    const description = l.description ? markdownToPlainText(pick(l.description, lang)).trim() : '';
    return {
      id: l.id,
      label: pick(l.label, lang),
      index: i,
      count: q.levels.length,
      color: l.color,
      description: description === '' ? null : description,
    };
  });
  const level = (id: string | null | undefined): LevelRef | null =>
    id ? (levelRefs.find((l) => l.id === id) ?? null) : null;
  return {
    lang,
    t,
    q,
    a,
    result: score(q, a),
    index: indexQuestionnaire(q),
    levelRefs,
    level,
    levelLabel: (id) => level(id)?.label ?? t('notAssessed'),
    domainLabel: (id) =>
      id === OVERALL_DOMAIN
        ? t('coverOverall')
        : pick(q.domains.find((d) => d.id === id)?.label, lang) || id,
    moment: (iso) => formatMoment(iso, lang, timeZone),
  };
}
