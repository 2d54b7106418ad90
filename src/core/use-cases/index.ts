/**
 * Use-cases that the app and the command line both call, so that neither does the orchestration
 * twice:
 *
 * - score an assessment: `scoreAssessment()` (the score with its register view, proposals, action
 *   plan and the overrides that do not count);
 * - build a report: `buildReport()` from the report room (the PDF adapter draws what it returns;
 *   `renderReportPdf` in src/pdf is the one caller for the app's export, signing and `fria report`);
 * - open a questionnaire for an assessment: `resolveQuestionnaire()` from the questionnaire room.
 */
export * from './score-assessment';
export { buildReport, type ReportOptions } from '../report/report';
export { resolveQuestionnaire } from '../questionnaire/resolve';
