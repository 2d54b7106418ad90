import { useTranslation } from 'react-i18next';
import { changeLanguage, rememberLocale, type UiLocale } from '../i18n';

const names: Record<UiLocale, { label: string; lang: string }> = {
  nl: { label: 'Nederlands', lang: 'nl' },
  en: { label: 'English', lang: 'en' },
};

/** Switches UI and questionnaire language; the choice is remembered. Each name is in its own language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language === 'en' ? 'en' : 'nl';
  const other: UiLocale = current === 'nl' ? 'en' : 'nl';
  return (
    <button
      type="button"
      className="language-switch"
      lang={names[other].lang}
      title={t('language.switchTo')}
      onClick={() => {
        rememberLocale(other);
        void changeLanguage(other);
      }}
    >
      <span aria-hidden="true">{other.toUpperCase()}</span> {names[other].label}
    </button>
  );
}
