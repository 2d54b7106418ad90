import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';

/** The accessibility statement: what was tested, how, and the known limits. */
export function AccessibilityScreen() {
  const { t } = useTranslation('accessibility');
  const list = (key: string) => t(key, { returnObjects: true }) as string[];
  return (
    <div className="stack prose">
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <p className="lead">{t('intro')}</p>
      <section aria-labelledby="a11y-status">
        <h2 id="a11y-status">{t('status.title')}</h2>
        <p>{t('status.text')}</p>
      </section>
      <section aria-labelledby="a11y-how">
        <h2 id="a11y-how">{t('how.title')}</h2>
        <ul>
          {list('how.items').map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="a11y-features">
        <h2 id="a11y-features">{t('features.title')}</h2>
        <ul>
          {list('features.items').map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="a11y-limits">
        <h2 id="a11y-limits">{t('limits.title')}</h2>
        <ul>
          {list('limits.items').map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="a11y-contact">
        <h2 id="a11y-contact">{t('contact.title')}</h2>
        <p>{t('contact.text')}</p>
      </section>
    </div>
  );
}
