/**
 * `buildReport()`: the whole PDF report as plain data (report-model.ts), built from the assessment,
 * the questionnaire and the scoring engine. The PDF adapter only draws it, so what the report says
 * is decided and tested here. Every string is already in the report language.
 *
 * Each part has its own builder in `parts/` (front matter, summary, answers, register and action
 * plan, conclusion, coverage, sign-off, integrity); they share one `ReportContext`
 * (report-context.ts). This file puts them together in reading order.
 */
import type { Assessment } from '../assessment/assessment-schema';
import type { Questionnaire } from '../questionnaire/questionnaire-schema';
import { assessmentHash, questionnaireHash } from '../assessment/assessment';
import { verifySeal } from '../assessment/seal';
import { reportContext } from './report-context';
import type { ReportModel, ReportOptions } from './report-model';
import { reportText, reportTextKeys, type ReportTextKey } from './report-texts';
import { answersPart, setAsidePart } from './parts/answers';
import { conclusionPart } from './parts/conclusion';
import { coveragePart } from './parts/coverage';
import {
  contextPart,
  coverPart,
  documentPart,
  partsList,
  reportIdentity,
  runningPart,
} from './parts/front';
import { integrityPart } from './parts/integrity';
import { registerParts } from './parts/register';
import { reportStatus, signOffPart } from './parts/signoff';
import { provisionalText, summaryPart } from './parts/summary';

export * from './report-model';
export { attachmentFileName } from './parts/front';
export { ignoredOverrideText } from './parts/summary';

/** Builds the report model. Hidden questions never appear; every level comes from `score()`. */
export async function buildReport(
  assessment: Assessment,
  questionnaire: Questionnaire,
  locale: string,
  opts: ReportOptions,
): Promise<ReportModel> {
  const ctx = reportContext(assessment, questionnaire, locale, opts.timeZone);
  const hash = await assessmentHash(assessment);
  const actualQuestionnaireHash = await questionnaireHash(questionnaire);
  const seal = await verifySeal(assessment);

  const id = reportIdentity(ctx);
  const status = reportStatus(ctx, seal);
  const { sections, numbers } = answersPart(ctx);
  const { register, actionPlan, heatMap } = registerParts(ctx);
  const provisional = provisionalText(ctx);
  // Templates keep their {placeholders}; the drawing fills in page numbers itself.
  const labels = Object.fromEntries(
    reportTextKeys(ctx.lang).map((k) => [k, reportText(k as ReportTextKey, ctx.lang)]),
  ) as Record<ReportTextKey, string>;

  return {
    locale: ctx.lang,
    labels,
    document: documentPart(ctx, id, opts.appVersion),
    running: runningPart(ctx, id, hash, status.signed),
    parts: partsList(ctx),
    status,
    cover: coverPart(ctx, id, status, provisional, opts.generatedAt),
    summary: summaryPart(ctx, numbers, heatMap),
    context: contextPart(ctx, id, status, sections),
    sections,
    setAside: setAsidePart(ctx),
    register,
    actionPlan,
    conclusion: conclusionPart(ctx),
    coverage: coveragePart(ctx, numbers),
    signOff: signOffPart(ctx, seal, status.signed, opts.digitalSignature),
    integrity: integrityPart(
      ctx,
      id,
      { assessment: hash, questionnaire: actualQuestionnaireHash },
      opts,
    ),
  };
}
