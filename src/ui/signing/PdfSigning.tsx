import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../core/texts';
import { fileSizeProblem } from '../../core/files';
import { problemText } from '../../core/files';
import type { SignOffRole } from '../../core/signoff';
import { reportLanguageOf } from '../components/report-language';
import { useSession } from '../state/session';
import { downloadFile, safeFileName } from '../download';

type Busy = 'idle' | 'sign' | 'prepare';

async function fileBytes(f: File): Promise<Uint8Array> {
  return new Uint8Array(await f.arrayBuffer());
}

/**
 * Level 3: a PAdES signature with the user's certificate file, or a PDF with empty signature
 * fields to sign elsewhere. The PDF and signing code load only when a button is pressed. The
 * password lives in this component's state until the attempt ends, then it is cleared.
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

  async function reportPdf(): Promise<Uint8Array> {
    await flush();
    const { renderReportPdf } = await import('../../pdf/render');
    // The report language chosen for the assessment, as the summary's export does by default.
    const a = store.get();
    return renderReportPdf(a, q, reportLanguageOf(a.meta.locale, lang), {
      appVersion: __APP_VERSION__,
    });
  }

  async function sign(e: React.FormEvent) {
    e.preventDefault();
    if (busy !== 'idle') return;
    setMessage(null);
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
    setBusy('sign');
    const a = store.get();
    try {
      const [{ loadSigningIdentity, signPdfWithIdentity }, { SigningError }] = await Promise.all([
        import('../../signing/pades'),
        import('../../signing/messages'),
      ]);
      try {
        // The identity first: a wrong password is reported before the PDF is made.
        const identity = await loadSigningIdentity(await fileBytes(p12File), password);
        const pdf = source === 'file' && pdfFile ? await fileBytes(pdfFile) : await reportPdf();
        const result = await signPdfWithIdentity(pdf, identity, {
          reason: reason.trim() || t('pdf.defaultReason', { version: a.version }),
        });
        const name = `${safeFileName(a.meta.systemName)}-v${a.version}-signed.pdf`;
        downloadFile(result.pdf, name, 'application/pdf');
        setMessage({ tone: 'ok', text: t('pdf.done', { file: name, name: result.signer.name }) });
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
      let pdf = await reportPdf();
      // One field per role, two per row near the bottom of the last page (points from bottom-left).
      for (const [i, r] of roles.entries()) {
        const col = i % 2;
        const row = Math.floor(i / 2);
        const x = 62 + col * 240;
        const y = 75 + row * 62;
        pdf = await addEmptySignatureField(pdf, {
          fieldName: capitalise(pick(r.label, lang)),
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
      <form onSubmit={(e) => void sign(e)} noValidate className="stack">
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
        <div className="actions">
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={busy !== 'idle' || undefined}
          >
            {busy === 'sign' ? t('pdf.busy') : t('pdf.sign')}
          </button>
        </div>
      </form>
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
