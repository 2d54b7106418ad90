import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleName } from '../../core/texts';
import { fileSizeProblem } from '../../core/files';
import { problemText } from '../../core/files';
import type { Assessment } from '../../core/assessment';
import { serializeAssessment } from '../../core/assessment';
import { missingRoles, type SignOffRole } from '../../core/signoff';
import { reportLanguageOf } from '../components/report-language';
import { useSession } from '../state/session';
import { downloadFile, safeFileName } from '../download';

type Busy = 'idle' | 'sign' | 'prepare';

async function fileBytes(f: File): Promise<Uint8Array> {
  return new Uint8Array(await f.arrayBuffer());
}

/**
 * Level 3: a PAdES signature with the user's certificate file, or a PDF with empty signature
 * fields to sign elsewhere. With the same certificate, the assessment file (`.fria.json`) can be
 * signed too: a detached signature saved beside it (`.fria.json.p7s`, src/signing/detached.ts).
 * The PDF and signing code load only when a button is pressed. The password lives in this
 * component's state until the attempt ends, then it is cleared. Signing a draft (a required role
 * has not signed) asks for confirmation first, naming the roles.
 */
export function PdfSigning({ roles }: { roles: SignOffRole[] }) {
  const { t, i18n } = useTranslation('signing');
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const { store, questionnaire: q, flush } = useSession();
  const uid = useId().replace(/:/g, '');
  const id = (k: string) => `pdf-${uid}-${k}`;
  const [source, setSource] = useState<'new' | 'file'>('new');
  const [pdfFile, setPdfFile] = useState<File | null>(null);
  const [p12File, setP12File] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<Busy>('idle');
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [alsoFile, setAlsoFile] = useState(false);
  /** Roles that have not signed, while the user is asked whether to sign the draft anyway. */
  const [confirmDraft, setConfirmDraft] = useState<string[] | null>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);

  /** The report, made to be signed now (`now`) or elsewhere (`fields`): its seal words say so. */
  async function reportPdf(a: Assessment, next: 'now' | 'fields'): Promise<Uint8Array> {
    const { renderReportPdf } = await import('../../pdf/render');
    // The report language chosen for the assessment, as the summary's export does by default.
    return renderReportPdf(a, q, reportLanguageOf(a.meta.locale, lang), {
      appVersion: __APP_VERSION__,
      digitalSignature: next,
    });
  }

  /**
   * The required roles that have not signed the assessment about to be signed: this one for a new
   * PDF; for a chosen PDF, the assessment attached to it (when it is one of this questionnaire).
   */
  async function unsignedRoles(): Promise<string[]> {
    let a: Assessment | undefined = store.get();
    if (source === 'file' && pdfFile) {
      const { readEmbeddedAssessment } = await import('../../pdf/read-embedded');
      const r = await readEmbeddedAssessment(await fileBytes(pdfFile)).catch(() => null);
      a = r?.ok && r.assessment.questionnaire.id === q.id ? r.assessment : undefined;
    }
    return a ? missingRoles(a, q).map((r) => roleName(r.label, lang)) : [];
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (busy !== 'idle') return;
    setMessage(null);
    setConfirmDraft(null);
    if (!p12File) return setMessage({ tone: 'error', text: t('pdf.errors.p12') });
    if (source === 'file' && !pdfFile)
      return setMessage({ tone: 'error', text: t('pdf.errors.pdf') });
    // Refuse oversized files before reading them into memory.
    const tooLarge =
      fileSizeProblem('p12', p12File.size) ??
      (source === 'file' && pdfFile ? fileSizeProblem('pdf', pdfFile.size) : null);
    if (tooLarge)
      return setMessage({
        tone: 'error',
        text: t('pdf.error', { detail: problemText(tooLarge, lang) }),
      });
    const missing = await unsignedRoles();
    if (missing.length > 0) {
      // Nothing is signed or cleared until the user says so; "cancel" leaves everything as it was.
      setConfirmDraft(missing);
      requestAnimationFrame(() => confirmRef.current?.focus());
      return;
    }
    await sign();
  }

  function cancelDraft() {
    setConfirmDraft(null);
    submitRef.current?.focus();
  }

  async function sign() {
    setConfirmDraft(null);
    setMessage(null);
    if (busy !== 'idle' || !p12File) return;
    setBusy('sign');
    await flush();
    // One snapshot for the PDF and the assessment file, so both hold the same assessment.
    const a = store.get();
    const withFile = alsoFile && source === 'new';
    try {
      const [{ loadSigningIdentity, signPdfWithIdentity }, { SigningError }] = await Promise.all([
        import('../../signing/pades'),
        import('../../signing/messages'),
      ]);
      try {
        // The identity first: a wrong password is reported before the PDF is made.
        const identity = await loadSigningIdentity(await fileBytes(p12File), password);
        const pdf =
          source === 'file' && pdfFile ? await fileBytes(pdfFile) : await reportPdf(a, 'now');
        const result = await signPdfWithIdentity(pdf, identity, {
          reason: reason.trim() || t('pdf.defaultReason', { version: a.version }),
        });
        const base = `${safeFileName(a.meta.systemName)}-v${a.version}`;
        const name = `${base}-signed.pdf`;
        downloadFile(result.pdf, name, 'application/pdf');
        if (!withFile) {
          setMessage({ tone: 'ok', text: t('pdf.done', { file: name, name: result.signer.name }) });
          return;
        }
        // The same certificate signs the assessment file's exact bytes (detached CAdES).
        const { signAssessmentFile, detachedSignatureName } =
          await import('../../signing/detached');
        const json = new TextEncoder().encode(serializeAssessment(a));
        const { signature } = await signAssessmentFile(json, identity);
        const jsonName = `${base}.fria.json`;
        const sigName = detachedSignatureName(jsonName);
        downloadFile(json, jsonName, 'application/json');
        downloadFile(signature, sigName, 'application/pkcs7-signature');
        setMessage({
          tone: 'ok',
          text: t('pdf.doneWithFile', {
            file: name,
            json: jsonName,
            p7s: sigName,
            name: result.signer.name,
          }),
        });
      } catch (err) {
        const detail = err instanceof SigningError ? err.text(lang) : t('pdf.errors.unexpected');
        if (!(err instanceof SigningError)) console.error(err);
        setMessage({ tone: 'error', text: t('pdf.error', { detail }) });
      }
    } finally {
      // Never kept: the password goes as soon as the attempt is over.
      setPassword('');
      setBusy('idle');
    }
  }

  async function prepare() {
    if (busy !== 'idle') return;
    setMessage(null);
    setBusy('prepare');
    const a = store.get();
    try {
      const { addEmptySignatureField } = await import('../../signing/pades');
      await flush();
      let pdf = await reportPdf(a, 'fields');
      // One field per role, two per row near the bottom of the last page (points from bottom-left).
      for (const [i, r] of roles.entries()) {
        const col = i % 2;
        const row = Math.floor(i / 2);
        const x = 62 + col * 240;
        const y = 75 + row * 62;
        pdf = await addEmptySignatureField(pdf, {
          fieldName: capitalise(roleName(r.label, lang)),
          rect: [x, y, x + 225, y + 52],
        });
      }
      const name = `${safeFileName(a.meta.systemName)}-v${a.version}-to-sign.pdf`;
      downloadFile(pdf, name, 'application/pdf');
      setMessage({ tone: 'ok', text: t('prepare.done', { file: name }) });
    } catch (err) {
      console.error(err);
      setMessage({ tone: 'error', text: t('pdf.error', { detail: t('pdf.errors.unexpected') }) });
    } finally {
      setBusy('idle');
    }
  }

  return (
    <section aria-labelledby={id('title')} className="panel stack">
      <h2 id={id('title')}>{t('pdf.title')}</h2>
      <p>{t('pdf.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        <fieldset className="field">
          <legend>{t('pdf.source')}</legend>
          <label className="inline-choice">
            <input
              type="radio"
              name={id('source')}
              checked={source === 'new'}
              onChange={() => setSource('new')}
            />{' '}
            {t('pdf.sourceNew')}
          </label>
          <label className="inline-choice">
            <input
              type="radio"
              name={id('source')}
              checked={source === 'file'}
              onChange={() => setSource('file')}
            />{' '}
            {t('pdf.sourceFile')}
          </label>
        </fieldset>
        {source === 'file' ? (
          <div className="field">
            <label htmlFor={id('pdf')}>{t('pdf.file')}</label>
            <input
              id={id('pdf')}
              type="file"
              accept=".pdf,application/pdf"
              onChange={(e) => setPdfFile(e.target.files?.[0] ?? null)}
            />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={id('p12')}>{t('pdf.p12')}</label>
          <p className="hint" id={id('p12-hint')}>
            {t('pdf.p12Hint')}
          </p>
          <input
            id={id('p12')}
            type="file"
            accept=".p12,.pfx,application/x-pkcs12"
            aria-describedby={id('p12-hint')}
            onChange={(e) => setP12File(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="field">
          <label htmlFor={id('password')}>{t('pdf.password')}</label>
          <p className="hint" id={id('password-hint')}>
            {t('pdf.passwordHint')}
          </p>
          <input
            id={id('password')}
            type="password"
            autoComplete="off"
            aria-describedby={id('password-hint')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={id('reason')}>{t('pdf.reason')}</label>
          <input
            id={id('reason')}
            type="text"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        {source === 'new' ? (
          <div className="field">
            <label className="inline-choice">
              <input
                type="checkbox"
                checked={alsoFile}
                aria-describedby={id('also-hint')}
                onChange={(e) => setAlsoFile(e.target.checked)}
              />{' '}
              {t('pdf.alsoFile')}
            </label>
            <p className="hint" id={id('also-hint')}>
              {t('pdf.alsoFileHint')}
            </p>
          </div>
        ) : null}
        <div className="actions">
          <button
            ref={submitRef}
            type="submit"
            className="button button--primary"
            aria-disabled={busy !== 'idle' || undefined}
          >
            {busy === 'sign' ? t('pdf.busy') : t('pdf.sign')}
          </button>
        </div>
      </form>
      {confirmDraft ? (
        <div
          role="alertdialog"
          aria-modal="false"
          aria-labelledby={id('draft-title')}
          aria-describedby={id('draft-text')}
          className="panel stack signoff__confirm"
        >
          <h3 id={id('draft-title')} ref={confirmRef} tabIndex={-1}>
            {t('pdf.draft.title')}
          </h3>
          <p id={id('draft-text')}>
            {t(confirmDraft.length > 1 ? 'pdf.draft.textMany' : 'pdf.draft.textOne', {
              roles: joinAnd(confirmDraft, lang),
            })}
          </p>
          <div className="actions">
            <button type="button" className="button button--primary" onClick={() => void sign()}>
              {t('pdf.draft.confirm')}
            </button>
            <button type="button" className="button" onClick={cancelDraft}>
              {t('pdf.draft.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <div className="stack">
        <h3>{t('prepare.title')}</h3>
        <p>{t('prepare.text')}</p>
        <div className="actions">
          <button
            type="button"
            className="button"
            aria-disabled={busy !== 'idle' || undefined}
            onClick={() => void prepare()}
          >
            {busy === 'prepare' ? t('prepare.busy') : t('prepare.button')}
          </button>
        </div>
      </div>
      <p
        role={message?.tone === 'error' ? 'alert' : 'status'}
        aria-live="polite"
        className={message?.tone === 'error' ? 'field-error' : undefined}
        data-testid="pdf-message"
      >
        {message?.text ?? ''}
      </p>
    </section>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function joinAnd(items: string[], lang: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${lang === 'nl' ? ' en ' : ' and '}${items[items.length - 1]}`;
}
