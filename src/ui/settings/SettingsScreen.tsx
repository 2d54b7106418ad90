import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';
import { changeLanguage, rememberLocale, type UiLocale } from '../i18n';
import { initialTheme, rememberTheme, type Theme } from '../theme';

/** Language and theme. (Storage status and licences are added by their own screens' owners.) */
export function SettingsScreen() {
  const { t, i18n } = useTranslation('settings');
  const [theme, setTheme] = useState<Theme>(initialTheme);
  // The chosen language stays chosen while its texts load (i18n.ts loads a language on first use).
  const [choosing, setChoosing] = useState<UiLocale | null>(null);
  const current = choosing ?? (i18n.language === 'en' ? 'en' : 'nl');
  return (
    <div className="stack">
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <fieldset className="field">
        <legend>{t('language')}</legend>
        {(['nl', 'en'] as UiLocale[]).map((l) => (
          <label key={l} className="inline-choice" lang={l}>
            <input
              type="radio"
              name="language"
              value={l}
              checked={current === l}
              onChange={() => {
                rememberLocale(l);
                setChoosing(l);
                void changeLanguage(l).finally(() => setChoosing(null));
              }}
            />{' '}
            {l === 'nl' ? 'Nederlands' : 'English'}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{t('theme.label')}</legend>
        {(['system', 'light', 'dark', 'contrast'] as Theme[]).map((th) => (
          <label key={th} className="inline-choice">
            <input
              type="radio"
              name="theme"
              value={th}
              checked={theme === th}
              onChange={() => {
                setTheme(th);
                rememberTheme(th);
              }}
            />{' '}
            {t(`theme.${th}`)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
