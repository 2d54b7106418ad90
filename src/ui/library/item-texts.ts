import type { TFunction } from 'i18next';
import type { AssessmentStatus } from '../../core/assessment';

/**
 * The texts of a library item, made once per language for the whole list. A page of a large
 * library renders 50 items; a translation call (and react-i18next's per-component hook) per text
 * and item was most of the time the first page took to render (docs/performance.md).
 */
export interface ItemTexts {
  summary: string;
  export: string;
  duplicate: string;
  delete: string;
  exportAnyway: string;
  level: string;
  notAssessed: string;
  notExported: string;
  changedSinceExport: string;
  versionsTitle: string;
  status: Record<AssessmentStatus, string>;
  /** "voor “<title>”": appended to each action's visible text, so every button's name is unique. */
  actionsFor(title: string): string;
  version(version: number): string;
  changed(date: string): string;
}

// A character no translation contains: the translated text is split at it once, and the value
// is put in its place for each item.
const HOLE = '\uE000';

/** A text with one value, translated once: `key`'s `{{name}}` is filled in per call. */
function withHole(t: TFunction, key: string, name: string): (value: string) => string {
  const parts = t(key, { [name]: HOLE }).split(HOLE);
  return (value) => parts.join(value);
}

export function itemTexts(t: TFunction): ItemTexts {
  const actionsFor = withHole(t, 'library:item.actionsFor', 'title');
  const version = withHole(t, 'library:item.version', 'version');
  return {
    summary: t('library:actions.summary'),
    export: t('library:actions.export'),
    duplicate: t('library:actions.duplicate'),
    delete: t('library:actions.delete'),
    exportAnyway: t('library:actions.exportAnyway'),
    level: t('library:item.level'),
    notAssessed: t('common:level.notAssessed'),
    notExported: t('library:item.notExported'),
    changedSinceExport: t('library:item.changedSinceExport'),
    versionsTitle: t('library:versions.title'),
    status: {
      draft: t('library:status.draft'),
      inReview: t('library:status.inReview'),
      signed: t('library:status.signed'),
    },
    actionsFor,
    version: (v) => version(String(v)),
    changed: withHole(t, 'library:item.changed', 'date'),
  };
}
