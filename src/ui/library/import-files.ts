/**
 * Reads the files a user picks or drops in the library: assessment files (`.fria.json`), backups,
 * and PDFs made by the app (their embedded assessment file). An assessment file picked together
 * with its digital signature (`<file>.p7s`) is checked against it: when the signature holds, the
 * file is imported with a note that says what that proves; when it does not, nothing is imported.
 * Each file gives its assessments and, in the user's language, what could not be read; one bad
 * file never stops the others.
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
  /** Plain-language notes that are not problems (what a digital signature beside it proves). */
  notes?: string[];
}

const isSignatureFile = (f: File) => /\.p7s$/i.test(f.name);

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

/**
 * An assessment file with its detached signature: the signature must hold over the file's exact
 * bytes. Who signed is named as the certificate says, not verified (the library has no trusted
 * certificates; "Verify a file" checks that).
 */
async function checkDetached(
  file: File,
  signature: File,
  locale: string,
): Promise<{ ok: true; note: string } | { ok: false; problem: string }> {
  const [{ checkDetachedSignature }, { signingText }] = await Promise.all([
    import('../../signing/detached'),
    import('../../signing/messages'),
  ]);
  const tooLarge = fileSizeProblem('certificate', signature.size);
  if (tooLarge) return { ok: false, problem: problemText(tooLarge, locale) };
  const report = await checkDetachedSignature(
    new Uint8Array(await file.arrayBuffer()),
    new Uint8Array(await signature.arrayBuffer()),
    [],
    new Date(),
  );
  const holds = report.integrity === 'valid' && report.signingCertificateAttribute !== 'mismatch';
  return holds
    ? {
        ok: true,
        note: signingText(
          'importDetachedValid',
          { signature: signature.name, signer: report.signer?.name ?? '?' },
          locale,
        ),
      }
    : {
        ok: false,
        problem: signingText('importDetachedBroken', { signature: signature.name }, locale),
      };
}

async function readJson(file: File, locale: string, signature?: File): Promise<FileOutcome> {
  if (file.size > DEFAULT_LIMITS.maxBytes) {
    const text = formatMessage(
      'tooLarge',
      { size: file.size, limit: DEFAULT_LIMITS.maxBytes },
      locale,
    );
    return { fileName: file.name, kind: null, assessments: [], problems: [text] };
  }
  let notes: string[] = [];
  if (signature) {
    const d = await checkDetached(file, signature, locale);
    if (!d.ok) return { fileName: file.name, kind: null, assessments: [], problems: [d.problem] };
    notes = [d.note];
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
    ...(notes.length ? { notes } : {}),
  };
}

/**
 * The signature file that belongs to an assessment file: `<name>.p7s`, or the only signature
 * file when exactly one assessment file and one signature file were picked.
 */
function signatureFor(file: File, files: readonly File[]): File | undefined {
  const signatures = files.filter(isSignatureFile);
  const named = signatures.find((s) => s.name === `${file.name}.p7s`);
  if (named) return named;
  const others = files.filter((f) => !isSignatureFile(f));
  return others.length === 1 && signatures.length === 1 ? signatures[0] : undefined;
}

/** Reads every file; never throws (an unreadable file becomes a problem of that file). */
export async function readImportFiles(
  files: readonly File[],
  locale: string,
): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  const used = new Set<File>();
  for (const file of files) {
    if (isSignatureFile(file)) continue;
    try {
      if (await isPdf(file)) out.push(await readPdf(file, locale));
      else {
        const signature = signatureFor(file, files);
        if (signature) used.add(signature);
        out.push(await readJson(file, locale, signature));
      }
    } catch (e) {
      out.push({
        fileName: file.name,
        kind: null,
        assessments: [],
        problems: [e instanceof Error ? e.message : String(e)],
      });
    }
  }
  for (const file of files) {
    if (!isSignatureFile(file) || used.has(file)) continue;
    const { signingText } = await import('../../signing/messages');
    out.push({
      fileName: file.name,
      kind: null,
      assessments: [],
      problems: [signingText('importDetachedAlone', { signature: file.name }, locale)],
    });
  }
  return out;
}
