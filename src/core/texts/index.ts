/**
 * The texts room: words for people, in Dutch and English.
 *
 * - `messages`: the problem texts for files (one table per language, `{placeholder}` filled in);
 * - `localized`: picking a text in the user's language, and the Intl locale for dates and numbers;
 * - `format-size`: a file size in words (KB, MB);
 * - `template`: the one way a `{placeholder}` text is filled in.
 */
export * from './messages';
export * from './localized';
export * from './format-size';
export * from './template';
