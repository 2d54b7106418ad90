import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { href } from '../router';
import { PageHeading } from './PageHeading';

/**
 * A screen that failed to render or whose code could not be loaded (a damaged single file, a
 * hosted update half in place): say so in the user's language, instead of React leaving an empty
 * page. The work is in the browser's database, so reloading is safe. Going to another address
 * (`resetKey`) tries again.
 */
export class ScreenErrorBoundary extends Component<
  { resetKey: string; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.failed)
      this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? <ScreenFailed /> : this.props.children;
  }
}

function ScreenFailed() {
  const { t } = useTranslation();
  return (
    <div className="stack" role="alert">
      <PageHeading title={t('screenFailed.title')}>{t('screenFailed.title')}</PageHeading>
      <p>{t('screenFailed.text')}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('session.reload')}
        </button>
      </p>
      <a href={href({ name: 'home' })}>{t('session.home')}</a>
    </div>
  );
}
