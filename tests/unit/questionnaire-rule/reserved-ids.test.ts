/**
 * Words the engine gives a meaning of its own are not ids: a domain called "overall" (its red flags
 * counted twice, once for the domain and once for the whole), and names of Object.prototype members
 * ("toString", "valueOf", …), which a plain object lookup finds without any data. The validator
 * refuses them with a message; the scoring maps have no prototype, so even a questionnaire that
 * skipped the validator never yields NaN.
 */
import { describe, expect, it } from 'vitest';
import { QuestionnaireSchema } from '../../../src/core/questionnaire/questionnaire-schema';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import { score } from '../../../src/core/scoring/scoring';
import { problemText } from '../../../src/core/files/safe-json';
import { miniData } from '../core/helpers';

const ANSWERS = {
  purpose: 'Allocate benefits',
  personalData: true,
  dataKinds: ['health', 'ethnicity'],
  legalGround: 'no',
  automated: 'checked',
  usersPerYear: 100,
};

/** The mini questionnaire with its domain "privacy" renamed. */
const renamed = (id: string): unknown =>
  JSON.parse(JSON.stringify(miniData()).replaceAll('"privacy"', JSON.stringify(id)));

const PROTOTYPE_NAMES = [
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toString',
  'toLocaleString',
  'valueOf',
  '__proto__',
  '__defineGetter__',
];

describe('reserved ids', () => {
  it('a domain may not be called "overall", with a message in nl and en', () => {
    const r = validateQuestionnaire(renamed('overall'));
    expect(r.valid).toBe(false);
    const p = r.problems.find((x) => x.path === 'domains[0].id');
    expect(p?.code).toBe('reservedDomain');
    expect(problemText(p!, 'en')).toContain('"overall"');
    expect(problemText(p!, 'nl')).toContain('"overall"');
  });

  it.each(PROTOTYPE_NAMES)('the id "%s" is refused wherever ids are', (id) => {
    const data = renamed(id) as { sections: { id: string }[] };
    data.sections[0]!.id = id;
    const r = validateQuestionnaire(data);
    expect(r.valid).toBe(false);
    expect(r.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['domains[0].id', 'sections[0].id']),
    );
    for (const p of r.problems.filter((x) => x.path.endsWith('.id'))) {
      expect(problemText(p, 'en')).not.toMatch(/^\s*$/);
      expect(problemText(p, 'nl')).not.toBe(problemText(p, 'en'));
    }
  });

  it.each(['toString', 'valueOf', 'hasOwnProperty', 'propertyIsEnumerable'])(
    'scoring a domain called "%s" gives numbers, never NaN',
    (id) => {
      // The shape allows it; only the validator refuses it: scoring must still not break.
      const q = QuestionnaireSchema.parse(renamed(id));
      const r = score(q, { answers: ANSWERS });
      for (const d of r.domains) {
        for (const e of d.trace) {
          if (e.kind === 'ratio') expect(Number.isNaN(e.ratio)).toBe(false);
        }
      }
      const d = r.domains.find((x) => x.domain === id)!;
      expect(d.computed).not.toBeNull();
      expect(r.byDomain[id]).toBe(d);
      // A lookup of a domain that does not exist finds nothing, not Object.prototype's member.
      expect(r.byDomain.valueOf === undefined || id === 'valueOf').toBe(true);
    },
  );
});
