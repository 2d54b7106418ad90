import type { TFunction } from 'i18next';
import type { Questionnaire } from '../../core/questionnaire';
import type { RegisterProblem } from '../../core/register';
import { pick } from '../../core/texts';

/** A domain's label in the UI language; the id when the questionnaire does not know it. */
export function domainLabel(q: Questionnaire, id: string | null, lang: string): string {
  if (id === null) return '';
  return pick(q.domains.find((d) => d.id === id)?.label, lang) || id;
}

/** A level's label in the UI language. */
export function levelLabel(q: Questionnaire, id: string | null, lang: string): string {
  if (id === null) return '';
  return pick(q.levels.find((l) => l.id === id)?.label, lang) || id;
}

/** A proposal id or a risk id as a safe piece of an HTML id. */
export function domId(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, '_');
}

/**
 * A core register problem as a sentence for the field it concerns. Measures are numbered from 1
 * as the form shows them.
 */
export function problemText(t: TFunction<'register'>, p: RegisterProblem): string {
  const m = /^measures\.(\d+)\.(\w+)$/.exec(p.path);
  if (m) return t(`problems.${p.code}`, { n: Number(m[1]) + 1 });
  return t([`problems.${p.code}_${p.path}`, `problems.${p.code}`]);
}
