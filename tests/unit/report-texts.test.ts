import { describe, expect, it } from 'vitest';
import {
  FRAMEWORK_ELEMENTS,
  REPORT_LOCALES,
  reportLocale,
  reportText,
  reportTextKeys,
  type ReportTextKey,
} from '../../src/core/report/report-texts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('report texts', () => {
  it('are complete in Dutch and English, with the same placeholders', () => {
    const en = reportTextKeys('en');
    expect(reportTextKeys('nl')).toEqual(en);
    for (const key of en as ReportTextKey[]) {
      const nlText = reportText(key, 'nl');
      const enText = reportText(key, 'en');
      expect(nlText.trim(), key).not.toBe('');
      expect(enText.trim(), key).not.toBe('');
      expect(placeholders(nlText), key).toEqual(placeholders(enText));
    }
  });

  it('differ between the languages where a reader would notice', () => {
    expect(reportText('pageOf', 'nl', { page: 2, pages: 9 })).toBe('pagina 2 van 9');
    expect(reportText('pageOf', 'en', { page: 2, pages: 9 })).toBe('page 2 of 9');
    expect(reportText('draftMark', 'nl')).toBe('CONCEPT');
    expect(reportText('draftMark', 'en')).toBe('DRAFT');
  });

  it('map locale codes to a report language, English by default', () => {
    expect(reportLocale('nl')).toBe('nl');
    expect(reportLocale('nl-BE')).toBe('nl');
    expect(reportLocale('en-GB')).toBe('en');
    expect(reportLocale('fr')).toBe('en');
    expect(REPORT_LOCALES).toEqual(['nl', 'en']);
  });

  it('describe every framework element in both languages', () => {
    expect(FRAMEWORK_ELEMENTS).toHaveLength(6 + 4 + 4);
    for (const el of FRAMEWORK_ELEMENTS) {
      expect(el.text.nl.trim()).not.toBe('');
      expect(el.text.en.trim()).not.toBe('');
      expect(el.text.nl).not.toBe(el.text.en);
    }
  });
});
