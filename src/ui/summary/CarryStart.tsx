import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../state/session';
import { useServices } from '../services';
import { navigate } from '../router';
import { startCarried } from '../state/carry-start';

/**
 * On the summary of an assessment whose questionnaire carries answers into another one (the quick
 * scan into the full FRIA): start that assessment with these answers filled in. The new
 * assessment marks each carried answer until the user confirms it.
 */
export function CarryStart() {
  const { t } = useTranslation('summary');
  const { store, questionnaire: q, flush } = useSession();
  const services = useServices();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    setFailed(false);
    // What was typed last is saved first: the new assessment takes the answers as stored.
    await flush();
    const r = await startCarried(services, store.get().id, q).catch(() => null);
    setBusy(false);
    if (r === null || typeof r === 'string') return setFailed(true);
    navigate({ name: 'step', id: r.assessment.id, step: 0 });
  }

  return (
    <section aria-labelledby="carry-start" className="panel">
      <h2 id="carry-start">{t('carryStart.title')}</h2>
      <p>{t('carryStart.intro')}</p>
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void start()}
        >
          {t('carryStart.button')}
        </button>
      </div>
      {failed ? <p role="alert">{t('carryStart.failed')}</p> : null}
    </section>
  );
}
