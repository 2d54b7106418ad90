/**
 * How large a file of each kind may be, checked on the file's size before the app reads it into
 * memory (a 4 GB file picked by mistake, or sent on purpose, must not take the tab down). Past this
 * gate every reader has its own limits inside: nesting depth and total size for JSON (safe-json.ts),
 * text lengths and list sizes in the zod schemas, inflated size and scan bounds for PDFs
 * (src/pdf/read-embedded.ts), iteration counts for PKCS#12 (src/signing/p12.ts).
 * SECURITY.md lists them all.
 */
import { DEFAULT_LIMITS, problem, type FileProblem } from './safe-json';

const MB = 1024 * 1024;

export const FILE_LIMITS = {
  /** A questionnaire file (the built-in FRIA core questionnaire is about 0.2 MB). */
  questionnaire: 5 * MB,
  /** An assessment file or a backup of many assessments. */
  assessment: DEFAULT_LIMITS.maxBytes,
  /** A PDF to read an assessment from, to verify, or to sign. */
  pdf: 200 * MB,
  /** A certificate the user trusts (PEM or DER). */
  certificate: 1 * MB,
  /** The user's own certificate and key (PKCS#12). */
  p12: 1 * MB,
} as const;

export type FileKind = keyof typeof FILE_LIMITS;

/** The problem to show when a file of this kind is too large to read; null when it may be read. */
export function fileSizeProblem(kind: FileKind, size: number): FileProblem | null {
  const limit = FILE_LIMITS[kind];
  if (size <= limit) return null;
  return problem('', 'tooLarge', { size, limit });
}
