import { describe, expect, it } from 'vitest';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import { QUESTION_TYPES } from '../../../src/core/questionnaire/questionnaire-schema';
import { BUILT_IN, allQuestions, loadQuestionnaire, questionnaireFile, readJson } from './builtin';

/** The example phrase each help text must carry, per locale: a help text without one is not done. */
const EXAMPLE_MARK: Record<string, string> = { nl: '**Voorbeeld:**', en: '**Example:**' };

/**
 * Help texts may use paragraphs, **bold**, *italic*, "- " lists and [text](https://…) links only.
 * Anything else would show up as raw characters in the app and the PDF.
 */
function markdownProblems(text: string): string[] {
  const out: string[] = [];
  if (/<\/?[a-z!]/i.test(text)) out.push('HTML tag');
  if (/^\s{0,3}#/m.test(text)) out.push('heading');
  if (/`/.test(text)) out.push('code');
  if (/!\[/.test(text)) out.push('image');
  if (/^\s*(\d+\.|>|\|)/m.test(text)) out.push('numbered list, quote or table');
  for (const m of text.matchAll(/\]\(([^)]*)\)/g)) {
    if (!/^https:\/\//.test(m[1] ?? '')) out.push(`link target ${m[1]}`);
  }
  const stars = text.replace(/\*\*/g, '').match(/\*/g)?.length ?? 0;
  if (stars % 2 !== 0) out.push('unbalanced *');
  return out;
}

describe.each(BUILT_IN)('built-in questionnaire %s', (id) => {
  it('passes the validator without any problem', () => {
    const result = validateQuestionnaire(readJson(questionnaireFile(id)));
    expect(result.problems).toEqual([]);
    expect(result.valid).toBe(true);
  });

  const q = loadQuestionnaire(id);

  it('is bilingual: Dutch and English', () => {
    expect(q.locales).toEqual(['nl', 'en']);
  });

  it('gives every question a help text that says why, with a real example, in every locale', () => {
    const missing: string[] = [];
    for (const question of allQuestions(q)) {
      for (const locale of q.locales) {
        const help = question.help?.[locale] ?? '';
        if (!help.includes(EXAMPLE_MARK[locale] ?? '\u0000'))
          missing.push(`${question.id}.${locale}`);
        // The "why" comes before the example: at least one sentence of its own.
        const why = help.split(EXAMPLE_MARK[locale] ?? '\u0000')[0] ?? '';
        if (why.trim().length < 40) missing.push(`${question.id}.${locale} (no reason given)`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('uses only the safe markdown subset in help texts', () => {
    const problems: string[] = [];
    for (const question of allQuestions(q)) {
      for (const [locale, text] of Object.entries(question.help ?? {})) {
        for (const p of markdownProblems(text)) problems.push(`${question.id}.${locale}: ${p}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('cites an article-level legal or policy source for every question', () => {
    const missing = allQuestions(q)
      .filter((x) => !(x.legal ?? []).some((l) => l.source.trim() && l.article?.trim()))
      .map((x) => x.id);
    expect(missing).toEqual([]);
  });

  it('has a sign-off block with preparer, reviewer and approver and a declaration per locale', () => {
    expect(q.signOff?.roles.map((r) => r.id)).toEqual(['preparer', 'reviewer', 'approver']);
    for (const locale of q.locales) {
      expect(q.signOff?.declaration[locale]?.length ?? 0).toBeGreaterThan(80);
    }
  });

  it('offers suggested measures for every domain', () => {
    for (const d of q.domains) {
      expect(
        (q.suggestedMeasures ?? []).filter((m) => m.domain === d.id).length,
        d.id,
      ).toBeGreaterThan(0);
    }
  });

  it('gives every domain at least one question that is always visible and scored', () => {
    // Otherwise a simple system would see the domain as "not assessed" instead of low. The one
    // deliberate exception: the quick scan asks about transparency only when an algorithm, a
    // decision about people or direct contact is involved; plain software stays "not assessed".
    const notAlwaysScored: Record<string, string[]> = { 'quick-scan': ['transparency'] };
    const unconditional = q.sections
      .filter((s) => !s.condition)
      .flatMap((s) => s.questions.filter((x) => !x.condition && !x.mitigation));
    for (const d of q.domains.filter((x) => !notAlwaysScored[id]?.includes(x.id))) {
      const scored = unconditional.some((x) => {
        if ('options' in x) return x.options.some((o) => (o.points?.[d.id] ?? 0) > 0);
        if (x.type === 'yesNo')
          return (x.yesPoints?.[d.id] ?? 0) > 0 || (x.noPoints?.[d.id] ?? 0) > 0;
        return false;
      });
      expect(scored, d.id).toBe(true);
    }
  });
});

describe('fria-core', () => {
  const q = loadQuestionnaire('fria-core');

  it('uses every question type', () => {
    expect(new Set(allQuestions(q).map((x) => x.type))).toEqual(new Set(QUESTION_TYPES));
  });

  it('covers the nine domains of a FRIA', () => {
    expect(q.domains.map((d) => d.id)).toEqual([
      'privacy',
      'nonDiscrimination',
      'autonomy',
      'wellbeing',
      'inclusion',
      'sustainability',
      'digitalAutonomy',
      'transparency',
      'safety',
    ]);
  });

  it('follows the order an assessment is done: context, one section per domain, then proportionality', () => {
    const ids = q.sections.map((s) => s.id);
    expect(ids.slice(0, 5)).toEqual(['purpose', 'system', 'use', 'people', 'suppliersData']);
    expect(ids.slice(5, 14)).toEqual(q.domains.map((d) => d.id));
    // The rights affected, the roadmap once per right, then the weighing as a whole.
    expect(ids.slice(-3)).toEqual([
      'proportionality',
      'rightsRoadmap',
      'proportionalityConclusion',
    ]);
    expect(q.sections.at(-2)!.repeatFor).toBe('rightsAffected');
  });

  it('asks in the context about every group the issue names', () => {
    const vulnerable = allQuestions(q).find((x) => x.id === 'vulnerableGroups');
    const options =
      vulnerable && 'options' in vulnerable ? vulnerable.options.map((o) => o.id) : [];
    for (const group of [
      'children',
      'elderly',
      'disabilities',
      'lowDigitalSkills',
      'migrationBackground',
    ]) {
      expect(options).toContain(group);
    }
  });

  it('asks per stack layer about digital dependency', () => {
    const ids = allQuestions(q).map((x) => x.id);
    for (const layer of ['layerCloud', 'layerOs', 'layerOffice', 'layerGenAI', 'layerPlatforms']) {
      expect(ids).toContain(layer);
    }
    for (const topic of ['exitPlan', 'jurisdiction', 'openStandards', 'yearlySpend']) {
      expect(ids).toContain(topic);
    }
  });

  it('offers at least three suggested measures per domain', () => {
    for (const d of q.domains) {
      expect(
        (q.suggestedMeasures ?? []).filter((m) => m.domain === d.id).length,
        d.id,
      ).toBeGreaterThanOrEqual(3);
    }
  });

  it('raises red flags for the situations of docs/scoring.md §6', () => {
    const ids = (q.redFlags ?? []).map((f) => f.id);
    for (const id of [
      'specialDataNoGround',
      'solelyAutomated',
      'nationalityProfiling',
      'biometricIdPublic',
      'noHumanReview',
      'noComplaintRoute',
    ]) {
      expect(ids).toContain(id);
    }
  });
});

describe('quick-scan', () => {
  it('has 15 to 27 questions', () => {
    const n = allQuestions(loadQuestionnaire('quick-scan')).length;
    expect(n).toBeGreaterThanOrEqual(15);
    expect(n).toBeLessThanOrEqual(27);
  });

  it('says the next step in every level description', () => {
    const q = loadQuestionnaire('quick-scan');
    for (const level of q.levels) {
      expect(level.description?.nl).toMatch(/^Volgende stap:/);
      expect(level.description?.en).toMatch(/^Next step:/);
    }
  });
});

describe('aia-benefits', () => {
  const q = loadQuestionnaire('aia-benefits');

  it('scores additively in one impact score with levels I to IV at 25/50/75 per cent', () => {
    expect(q.domains.map((d) => d.id)).toEqual(['impact']);
    expect(q.levels.map((l) => l.id)).toEqual(['levelI', 'levelII', 'levelIII', 'levelIV']);
    expect(q.thresholds).toEqual([0.25, 0.5, 0.75]);
  });

  it('gives mitigation credit of 15 per cent from 80 per cent of the mitigation points', () => {
    expect(q.mitigation).toEqual({ threshold: 0.8, reduction: 0.15 });
    const mitigation = allQuestions(q).filter((x) => x.mitigation);
    expect(mitigation.length).toBeGreaterThanOrEqual(8);
  });
});
