import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../state/session';
import { useServices } from '../services';
import { reportLanguageOf } from '../components/report-language';
import { downloadFile, safeFileName } from '../download';

/**
 * Builds the PDF on demand: the PDF code and font load only when this is pressed. The PDF is in
 * the assessment's report language unless the user picks another here.
 */
export function ExportPdfButton() {
  const { t, i18n } = useTranslation('summary');
  const { store, questionnaire, flush } = useSession();
  const services = useServices();
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'error'>('idle');
  const [language, setLanguage] = useState<'nl' | 'en'>(() =>
    reportLanguageOf(store.get().meta.locale, i18n.language),
  );
  const uid = useId().replace(/[^A-Za-z0-9_-]/g, '');
  async function run() {
    if (state === 'busy') return;
    setState('busy');
    try {
      await flush();
      const a = store.get();
      const { renderReportPdf } = await import('../../pdf/render');
      const bytes = await renderReportPdf(a, questionnaire, language, {
        appVersion: __APP_VERSION__,
      });
      downloadFile(bytes, `${safeFileName(a.meta.systemName)}.pdf`, 'application/pdf');
      // The PDF carries the assessment file: the library no longer says "not exported yet".
      await services.repository.markExported([a.id], services.now()).catch(() => {});
      setState('done');
    } catch (e) {
      console.error(e);
      setState('error');
    }
  }
  return (
    <>
      <div className="field export-language">
        <label htmlFor={`${uid}-lang`}>{t('export.pdfLanguage')}</label>
        <p className="hint" id={`${uid}-lang-hint`}>
          {t('export.pdfLanguageHint')}
        </p>
        <select
          id={`${uid}-lang`}
          aria-describedby={`${uid}-lang-hint`}
          value={language}
          onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'nl')}
        >
          <option value="nl" lang="nl">
            {t('export.languageNl')}
          </option>
          <option value="en" lang="en">
            {t('export.languageEn')}
          </option>
        </select>
      </div>
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
