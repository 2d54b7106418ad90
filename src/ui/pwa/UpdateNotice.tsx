import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import {
  dismissOfflineReady,
  getState,
  reloadToUpdate,
  startServiceWorker,
  subscribe,
} from './register';
import './update-notice.css';

/**
 * The hosted build's notices about the offline app: "a new version is available — reload" (never a
 * silent switch), and once, on the first visit, "works offline now". Renders nothing in the single file.
 */
export function UpdateNotice() {
  const { t } = useTranslation('pwa');
  const state = useSyncExternalStore(subscribe, getState, getState);
  useEffect(() => startServiceWorker(), []);
  if (state.needReload) {
    return (
      <div className="pwa-notice" role="status">
        <p>
          <strong>{t('update.title')}</strong> {t('update.text')}
        </p>
        <button type="button" className="button button--primary" onClick={reloadToUpdate}>
          {t('update.reload')}
        </button>
      </div>
    );
  }
  if (state.offlineReady) {
    return (
      <div className="pwa-notice" role="status">
        <p>{t('offline.ready')}</p>
        <button type="button" className="button" onClick={dismissOfflineReady}>
          {t('offline.close')}
        </button>
      </div>
    );
  }
  return null;
}
