import { useTranslation } from 'react-i18next';
import { href } from '../router';
import { PageHeading } from './PageHeading';

/** A route or step that does not exist: say so and offer the way home. */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.text')}</p>
      <a href={href({ name: 'home' })}>{t('session.home')}</a>
    </div>
  );
}
