import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { href } from '../router';
import { useServices } from '../services';
import { dismissFileNotice, fileNoticeDismissed, isFileMode } from './file-mode';

/**
 * Once, in the single file opened from disk: other local HTML files can read this app's storage.
 * A region of the page (not a dialog: the page stays usable), closed with a button and remembered.
 *
 * It appears after the first render, so the prerendered start screen is taken over unchanged
 * (src/main.tsx), and it sits fixed at the bottom of the window with as much room added below the
 * page: nothing on the page moves when it appears (no layout shift) and it covers nothing.
 */
const noSubscription = () => () => {};

export function FileOriginNotice() {
  const { t } = useTranslation();
  const { fileMode } = useServices();
  // The server (build-time) snapshot is "not shown": hydration matches the prerendered markup, and
  // React renders the notice right after.
  const due = useSyncExternalStore(
    noSubscription,
    () => (fileMode ?? isFileMode()) && !fileNoticeDismissed(),
    () => false,
  );
  const [closed, setClosed] = useState(false);
  const show = due && !closed;
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!show || !el) return;
    const body = document.body;
    const fit = () => {
      body.style.paddingBottom = `${el.offsetHeight}px`;
    };
    fit();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit);
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      body.style.paddingBottom = '';
    };
  }, [show]);
  if (!show) return null;
  return (
    <section ref={ref} className="file-notice" aria-labelledby={headingId}>
      <div className="file-notice__inner">
        <h2 id={headingId}>{t('fileNotice.title')}</h2>
        <p>{t('fileNotice.risk')}</p>
        <p>
          {t('fileNotice.todo')} <a href={href({ name: 'settings' })}>{t('fileNotice.settings')}</a>
        </p>
        <button
          type="button"
          onClick={() => {
            dismissFileNotice();
            setClosed(true);
            // The button goes away: focus to the content, not to the top of the page.
            document.getElementById('main')?.focus();
          }}
        >
          {t('fileNotice.dismiss')}
        </button>
      </div>
    </section>
  );
}
