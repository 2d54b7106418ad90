import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../state/session';
import { downloadFile, safeFileName } from '../download';

/** Builds the PDF on demand: the PDF code and font load only when this is pressed. */
export function ExportPdfButton() {
  const { t, i18n } = useTranslation('summary');
  const { store, questionnaire, flush } = useSession();
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'error'>('idle');
  async function run() {
    if (state === 'busy') return;
    setState('busy');
    try {
      await flush();
      const a = store.get();
      const { renderReportPdf } = await import('../../pdf/render');
      const bytes = await renderReportPdf(a, questionnaire, i18n.language === 'en' ? 'en' : 'nl', {
        appVersion: __APP_VERSION__,
      });
      downloadFile(bytes, `${safeFileName(a.meta.systemName)}.pdf`, 'application/pdf');
      setState('done');
    } catch (e) {
      console.error(e);
      setState('error');
    }
  }
  return (
    <>
      <button
        type="button"
        className="button button--primary"
        onClick={() => void run()}
        // aria-disabled, not disabled: a disabled button loses focus, and the keyboard user with it.
        aria-disabled={state === 'busy' || undefined}
      >
        {state === 'busy' ? t('export.pdfBusy') : t('export.pdf')}
      </button>
      <span role="status" aria-live="polite" className="export-status">
        {state === 'done' ? t('export.pdfDone') : state === 'error' ? t('export.pdfError') : ''}
      </span>
    </>
  );
}
