import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';
import { changeLanguage, rememberLocale, type UiLocale } from '../i18n';
import { initialTheme, rememberTheme, type Theme } from '../theme';
import { useServices } from '../services';
import { isFileMode } from '../components/file-mode';
import { ProtectionSettings } from './ProtectionSettings';

/** Language, theme, and where the work is kept (who else can read it). */
export function SettingsScreen() {
  const { t, i18n } = useTranslation('settings');
  const { fileMode } = useServices();
  const shared = fileMode ?? isFileMode();
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
      <section className="stack" aria-labelledby="settings-storage">
        <h2 id="settings-storage">{t('storage.title')}</h2>
        <p>{shared ? t('storage.file') : t('storage.hosted')}</p>
        <p>{t('storage.advice')}</p>
      </section>
      <section className="stack" aria-labelledby="settings-protection">
        <h2 id="settings-protection">{t('protection.title')}</h2>
        <ProtectionSettings />
      </section>
    </div>
  );
}
