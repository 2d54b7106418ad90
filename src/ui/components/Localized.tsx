import type { LocalizedText } from '../../core/texts';
import { pickWithLang } from '../../core/texts';
import { Markdown } from './Markdown';
import { useLanguage } from '../i18n';

/**
 * A questionnaire text in the user's language. When the questionnaire lacks that language and
 * another one is shown instead, the text carries its own `lang`, so a screen reader pronounces it
 * right (WCAG 3.1.2).
 */
export function Localized({
  text,
  markdown,
}: {
  text: LocalizedText | undefined;
  markdown?: boolean;
}) {
  const language = useLanguage();
  const { text: value, lang } = pickWithLang(text, language);
  const content = markdown ? <Markdown source={value} /> : value;
  if (lang === language) return <>{content}</>;
  return markdown ? <div lang={lang}>{content}</div> : <span lang={lang}>{content}</span>;
}
