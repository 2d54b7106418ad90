import type { Assessment } from '../core/assessment';
import { parseAssessmentText } from '../core/assessment';
import { embeddedErrorText, readEmbeddedAssessment } from '../pdf/read-embedded';
import { readBytes, readText, type CliIO } from './io';
import { listProblems } from './questionnaire';

/** True for a file that is a PDF: named `.pdf`, or starting with the PDF header whatever its name. */
function looksLikePdf(path: string, head?: string): boolean {
  return /\.pdf$/i.test(path) || (head !== undefined && head.slice(0, 1024).includes('%PDF-'));
}

/**
 * Reads the assessment `score` and `report` work on: an assessment file (`.fria.json`) or a report
 * PDF, which carries the assessment file inside it. A PDF is recognised by its name or by its
 * header, so a report saved under another name is not parsed as JSON. Problems are written to
 * stderr in the message language; null means nothing usable was found.
 */
export async function readAssessmentInput(
  path: string,
  io: CliIO,
  lang: string,
): Promise<Assessment | null> {
  let text: string | undefined;
  if (!looksLikePdf(path)) {
    text = await readText(path);
    if (looksLikePdf('', text)) text = undefined;
  }
  if (text === undefined) {
    const r = await readEmbeddedAssessment(await readBytes(path));
    if (!r.ok) {
      io.err(embeddedErrorText(r.error, lang));
      if (r.problems.length > 0) listProblems(io, path, r.problems, lang);
      return null;
    }
    return r.assessment;
  }
  const parsed = parseAssessmentText(text);
  if (!parsed.ok) {
    listProblems(io, `${path} is not a readable assessment`, parsed.problems, lang);
    return null;
  }
  return parsed.value;
}
