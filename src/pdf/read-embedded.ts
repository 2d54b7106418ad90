/**
 * Reads the assessment file back out of a PDF that FRIA Wizard made: the PDF alone can be
 * re-opened and verified. It uses the app's one PDF byte layer (src/pdf-file), so the start
 * screen, the library and Verify all take the same attachment: the one a PDF reader would
 * extract today (src/pdf-file/attachments.ts). A file whose cross-reference data is broken is
 * opened the way viewers repair it. Every loop is bounded; hostile or broken input gives a typed
 * error, never a hang.
 */
import type { Assessment } from '../core/assessment';
import { parseAssessmentText } from '../core/assessment';
import { DEFAULT_LIMITS, formatSize, type FileProblem } from '../core/files';
import { reportText } from '../core/report';
import { readAssessmentAttachment, type AttachmentRead } from '../pdf-file/attachments';
import { PdfDocument } from '../pdf-file/document';
import { indexOf } from '../pdf-file/objects';
import { FRIA_PDF_MARKER } from './marker';

export type EmbeddedReadError = 'notPdf' | 'notFria' | 'damaged' | 'tooLarge' | 'unpackTooLarge';

export type EmbeddedReadResult =
  | { ok: true; assessment: Assessment; text: string; fileName: string | null }
  | { ok: false; error: EmbeddedReadError; problems: FileProblem[] };

export interface EmbeddedReadLimits {
  /** Largest PDF accepted. */
  maxPdfBytes: number;
  /** Largest attachment after inflating. */
  maxFileBytes: number;
}

export const EMBEDDED_LIMITS: EmbeddedReadLimits = {
  maxPdfBytes: 200 * 1024 * 1024,
  maxFileBytes: DEFAULT_LIMITS.maxBytes,
};

function failure(error: EmbeddedReadError, problems: FileProblem[] = []): EmbeddedReadResult {
  return { ok: false, error, problems };
}

/** The newest revision's structure, or the repaired one when that cannot be read. */
async function openForReading(pdf: Uint8Array): Promise<PdfDocument | undefined> {
  try {
    return await PdfDocument.open(pdf);
  } catch {
    try {
      return PdfDocument.openRepaired(pdf);
    } catch {
      return undefined;
    }
  }
}

/** The attached assessment as a reader would extract it (see src/pdf-file/attachments.ts). */
export async function attachmentOf(
  pdf: Uint8Array,
  doc: PdfDocument | undefined,
  limits: EmbeddedReadLimits = EMBEDDED_LIMITS,
): Promise<AttachmentRead | undefined> {
  const d = doc ?? (await openForReading(pdf));
  if (!d) return undefined;
  return readAssessmentAttachment(d, limits.maxFileBytes).catch((): AttachmentRead => ({
    state: 'unreadable',
    reason: 'damaged',
    fileName: null,
  }));
}

/** Reads the assessment embedded in a FRIA Wizard PDF. */
export async function readEmbeddedAssessment(
  pdf: Uint8Array,
  limits: EmbeddedReadLimits = EMBEDDED_LIMITS,
): Promise<EmbeddedReadResult> {
  if (pdf.length > limits.maxPdfBytes) return failure('tooLarge');
  const head = pdf.subarray(0, 1024);
  if (indexOf(head, '%PDF-') === -1) return failure('notPdf');

  const ours = indexOf(pdf, FRIA_PDF_MARKER) !== -1 || indexOf(pdf, '(FRIA Wizard') !== -1;
  const tail = pdf.subarray(Math.max(0, pdf.length - 2048));
  const complete = indexOf(tail, '%%EOF') !== -1;

  const read = await attachmentOf(pdf, undefined, limits);
  return embeddedResult(read, ours, complete);
}

/** The outcome of reading the attachment, as the start screen, the library and Verify show it. */
export function embeddedResult(
  read: AttachmentRead | undefined,
  ours: boolean,
  complete: boolean,
): EmbeddedReadResult {
  if (read?.state === 'found') {
    const parsed = parseAssessmentText(read.text);
    if (parsed.ok)
      return { ok: true, assessment: parsed.value, text: read.text, fileName: read.fileName };
    // Our format, but not readable: a newer format version is reported as such by the core.
    return failure('damaged', parsed.problems);
  }
  if (read?.state === 'unreadable') return failure(read.reason);
  if (ours || !complete || !read) return failure('damaged');
  return failure('notFria');
}

/** The plain-language text for a read error, in the user's language. */
export function embeddedErrorText(
  error: EmbeddedReadError,
  locale: string,
  limits: EmbeddedReadLimits = EMBEDDED_LIMITS,
): string {
  switch (error) {
    case 'notPdf':
      return reportText('embeddedNotPdf', locale);
    case 'notFria':
      return reportText('embeddedNotFria', locale);
    case 'damaged':
      return reportText('embeddedDamaged', locale);
    case 'tooLarge':
      return reportText('embeddedTooLarge', locale, { limit: formatSize(limits.maxPdfBytes) });
    case 'unpackTooLarge':
      return reportText('embeddedUnpackTooLarge', locale, {
        limit: formatSize(limits.maxFileBytes),
      });
  }
}
