import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { href } from './router';
import { useRoute } from './use-route';
import { RouteView } from './routes';
import { LanguageSwitch } from './components/LanguageSwitch';
import { applyTheme, initialTheme } from './theme';
import { UpdateNotice } from './pwa/UpdateNotice';
import { RecoveredNotice } from './components/RecoveredNotice';
import { FileOriginNotice } from './components/FileOriginNotice';

/** The app shell: skip link, header with navigation and language, the current view, footer. */
export function App() {
  const { t } = useTranslation();
  const { route, pending } = useRoute();
  useEffect(() => applyTheme(initialTheme()), []);
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // A hash link would change the route: move focus instead.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <a className="brand" href={href({ name: 'home' })}>
            <span className="brand__mark" aria-hidden="true">
              ⚖
            </span>
            <span className="brand__name">FRIA Wizard</span>
          </a>
          <nav aria-label={t('nav.label')} className="site-nav">
            <ul>
              <li>
                <a
                  href={href({ name: 'home' })}
                  aria-current={route.name === 'home' ? 'page' : undefined}
                >
                  {t('nav.home')}
                </a>
              </li>
              <li>
                <a
                  href={href({ name: 'verify' })}
                  aria-current={route.name === 'verify' ? 'page' : undefined}
                >
                  {t('nav.verify')}
                </a>
              </li>
              <li>
                <a
                  href={href({ name: 'settings' })}
                  aria-current={route.name === 'settings' ? 'page' : undefined}
                >
                  {t('nav.settings')}
                </a>
              </li>
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main" aria-busy={pending || undefined}>
        <UpdateNotice />
        <RecoveredNotice />
        <FileOriginNotice />
        <RouteView route={route} />
      </main>
      <footer className="site-footer">
        <p>
          FRIA Wizard {__APP_VERSION__} · {t('footer.local')} ·{' '}
          <a href={href({ name: 'accessibility' })}>{t('footer.accessibility')}</a> ·{' '}
          <a href={href({ name: 'about' })}>{t('footer.about')}</a>
        </p>
      </footer>
    </>
  );
}
