/**
 * The report room: the report as plain data, before any PDF (docs/report.md).
 *
 * - `report`: `buildReport()`, the whole document with every string in the report's language;
 * - `report-texts`: the report's fixed texts in Dutch and English;
 * - `report-format`: dates, numbers, percentages and answers as the report prints them;
 * - `markdown`: the small markdown subset of help texts, parsed into a tree (never into HTML).
 */
export * from './report';
export * from './report-texts';
export * from './report-format';
export * from './markdown';
