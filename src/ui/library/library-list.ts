// The code a library with assessments needs, in one chunk loaded with the list (an empty library
// never loads it, which keeps the start screen's JavaScript small): the items, the toolbar, and
// the catalogue of the built-in questionnaires' names and levels (Library.tsx).
import catalog from 'virtual:fria-builtin-catalog';
import type { QuestionnaireInfo } from './questionnaire-info';

export { LibraryItem } from './LibraryItem';
export { LibraryToolbar } from './LibraryToolbar';
export { itemTexts } from './item-texts';

export const builtinCatalog: readonly QuestionnaireInfo[] = catalog;
