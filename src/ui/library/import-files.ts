/**
 * Reads the files a user picks or drops in the library: assessment files (`.fria.json`), backups,
 * and PDFs made by the app (their embedded assessment file). Each file gives its assessments and,
 * in the user's language, what could not be read; one bad file never stops the others.
 */
import type { Assessment } from '../../core/assessment';
import { readAssessmentFile } from '../../core/assessment';
import { formatMessage } from '../../core/texts';
import { DEFAULT_LIMITS, problemText } from '../../core/files';
import { fileSizeProblem } from '../../core/files';
import { checkEmbeddedQuestionnaire } from '../../core/questionnaire';

export interface FileOutcome {
  fileName: string;
  kind: 'assessment' | 'backup' | 'pdf' | null;
  assessments: Assessment[];
  /** Plain-language problems; empty when everything in the file was read. */
  problems: string[];
}

async function isPdf(file: File): Promise<boolean> {
  if (/\.pdf$/i.test(file.name) || file.type === 'application/pdf') return true;
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  return String.fromCharCode(...head) === '%PDF-';
}

async function readPdf(file: File, locale: string): Promise<FileOutcome> {
  // Refused before it is read into memory (src/core/files/limits.ts).
  const tooLarge = fileSizeProblem('pdf', file.size);
  if (tooLarge) {
    return {
      fileName: file.name,
      kind: 'pdf',
      assessments: [],
      problems: [problemText(tooLarge, locale)],
    };
  }
  // The PDF reader loads on demand: the start screen does not pay for it.
  const { readEmbeddedAssessment, embeddedErrorText } = await import('../../pdf/read-embedded');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const r = await readEmbeddedAssessment(bytes);
  if (r.ok) {
    // The same full check of its questionnaire as a .fria.json file gets (core/assessment/backup.ts).
    const embedded = checkEmbeddedQuestionnaire(r.assessment);
    if (embedded && !embedded.ok) {
      return {
        fileName: file.name,
        kind: 'pdf',
        assessments: [],
        problems: embedded.problems.map(
          (p) => (p.path ? `${p.path}: ` : '') + problemText(p, locale),
        ),
      };
    }
    return {
      fileName: file.name,
      kind: 'pdf',
      ...(await signedPdfChoice(bytes, r.assessment, locale)),
    };
  }
  return {
    fileName: file.name,
    kind: 'pdf',
    assessments: [],
    problems: [
      embeddedErrorText(r.error, locale),
      ...r.problems.map((p) => problemText(p, locale)),
    ],
  };
}

/**
 * A digitally signed PDF: the assessment a reader extracts today must be the one in the signed
 * revision. When it was replaced after signing, the signed copy is imported (with a note), never
 * the replacement; when no intact signature covers any copy, nothing is imported — the library
 * would otherwise list as "signed" what no signature covers.
 */
async function signedPdfChoice(
  bytes: Uint8Array,
  found: Assessment,
  locale: string,
): Promise<{ assessments: Assessment[]; problems: string[] }> {
  const [{ verifyPdf }, { signingText }] = await Promise.all([
    import('../../signing/verify'),
    import('../../signing/messages'),
  ]);
  const report = await verifyPdf(bytes);
  if (report.signatures.length === 0) return { assessments: [found], problems: [] };
  const a = report.assessment;
  const copy = a.state === 'checked' ? a.signedCopy : undefined;
  if (copy?.state === 'same' && a.state === 'checked')
    return { assessments: [a.assessment], problems: [] };
  if (copy?.state === 'differs')
    return {
      assessments: [copy.signed],
      problems: [signingText('importReplacedAfterSigning', { index: copy.signature }, locale)],
    };
  return {
    assessments: [],
    problems: [
      signingText(
        copy?.state === 'absent' ? 'importAttachedAfterSigning' : 'importSignatureBroken',
        {},
        locale,
      ),
    ],
  };
}

async function readJson(file: File, locale: string): Promise<FileOutcome> {
  if (file.size > DEFAULT_LIMITS.maxBytes) {
    const text = formatMessage(
      'tooLarge',
      { size: file.size, limit: DEFAULT_LIMITS.maxBytes },
      locale,
    );
    return { fileName: file.name, kind: null, assessments: [], problems: [text] };
  }
  const r = readAssessmentFile(await file.text());
  if (!r.ok) {
    return {
      fileName: file.name,
      kind: null,
      assessments: [],
      problems: r.problems.map((p) => (p.path ? `${p.path}: ` : '') + problemText(p, locale)),
    };
  }
  return {
    fileName: file.name,
    kind: r.value.kind,
    assessments: r.value.assessments,
    problems: r.value.skipped.map(
      (s) =>
        `${s.title ? `“${s.title}”` : `#${s.index + 1}`}: ${s.problems
          .slice(0, 3)
          .map((p) => problemText(p, locale))
          .join(' ')}`,
    ),
  };
}

/** Reads every file; never throws (an unreadable file becomes a problem of that file). */
export async function readImportFiles(
  files: readonly File[],
  locale: string,
): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const file of files) {
    try {
      out.push((await isPdf(file)) ? await readPdf(file, locale) : await readJson(file, locale));
    } catch (e) {
      out.push({
        fileName: file.name,
        kind: null,
        assessments: [],
        problems: [e instanceof Error ? e.message : String(e)],
      });
    }
  }
  return out;
}
