import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import type { Questionnaire } from '../../../src/core/questionnaire/questionnaire-schema';
import { score, type ScoreResult } from '../../../src/core/scoring/scoring';
import { explainTrace } from '../../../src/core/scoring/explain';
import { guideBlock, root } from './builtin';

/**
 * The denominator example in the authoring guide ("Which maximum"): valid, and every figure of its
 * table and its explanation lines what the engine gives for the same answers under each setting.
 */
describe('docs/authoring-questionnaires.md denominator example', () => {
  const block = guideBlock('json', '"id": "denominator-example"');
  const answers = { decidesAlone: false, reach: 'many' };
  const QUESTIONS = ['decidesAlone', 'canStop', 'reach'];

  /** The example as the guide writes it, with the two settings as a table row names them. */
  const variant = (denominator: string, decimals: string): Questionnaire => {
    const json = JSON.parse(block!) as Record<string, unknown>;
    json['denominator'] = denominator;
    if (decimals === '—') delete json['ratioDecimals'];
    else json['ratioDecimals'] = Number(decimals);
    const r = validateQuestionnaire(json);
    if (!r.valid) throw new Error(JSON.stringify(r.problems));
    return r.questionnaire;
  };

  /** The rows of the guide's table: the header names the columns. */
  const rows = (): Record<string, string>[] => {
    const doc = readFileSync(join(root, 'docs', 'authoring-questionnaires.md'), 'utf8');
    const lines = doc.split('\n');
    const start = lines.findIndex((l) => /^\| `denominator`\s*\| `ratioDecimals`/.test(l));
    expect(start, 'the table of the denominator example').toBeGreaterThan(0);
    const cells = (l: string) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim().replace(/`/g, ''));
    const header = cells(lines[start]!);
    const out: Record<string, string>[] = [];
    for (const l of lines.slice(start + 2)) {
      if (!l.startsWith('|')) break;
      out.push(Object.fromEntries(cells(l).map((c, i) => [header[i]!, c])));
    }
    return out;
  };

  const dec = (n: number) => n.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');

  /** The engine's figures for one setting, written the way the guide's table writes them. */
  const engineRow = (denominator: string, decimals: string): Record<string, string> => {
    const d = score(variant(denominator, decimals), { answers }).byDomain['impact']!;
    const perQuestion = Object.fromEntries(
      QUESTIONS.map((id) => {
        const t = d.trace.find(
          (e) => (e.kind === 'answer' || e.kind === 'hidden') && e.questionId === id,
        );
        if (!t || (t.kind !== 'answer' && t.kind !== 'hidden')) return [id, 'not counted'];
        return [id, `${t.kind === 'answer' ? t.got : 0} of ${t.max}`];
      }),
    );
    return {
      denominator,
      ratioDecimals: decimals,
      ...perQuestion,
      Points: String(d.raw),
      Maximum: String(d.max),
      Ratio: dec(d.adjustedRatio!),
      Level: d.final ?? 'not assessed',
    };
  };

  it('is a complete questionnaire the validator accepts', () => {
    expect(block).toBeDefined();
    expect(validateQuestionnaire(JSON.parse(block!)).problems).toEqual([]);
  });

  it('has a row for each setting: visible and all, unrounded and rounded to 2 decimals', () => {
    expect(rows().map((r) => `${r['denominator']} ${r['ratioDecimals']}`)).toEqual([
      'visible —',
      'visible 2',
      'all —',
      'all 2',
    ]);
  });

  it('every figure of its table is what the engine computes for the same answers', () => {
    for (const row of rows()) {
      expect(row, `${row['denominator']}, ratioDecimals ${row['ratioDecimals']}`).toEqual(
        engineRow(row['denominator']!, row['ratioDecimals']!),
      );
    }
  });

  it('its hand computation in words gives the same ratio and levels as the engine', () => {
    const doc = readFileSync(join(root, 'docs', 'authoring-questionnaires.md'), 'utf8');
    for (const denominator of ['visible', 'all']) {
      const bullet = new RegExp(`\\n- \\*\\*${denominator}\\*\\*: ([\\s\\S]*?)\\n(?=-|\\n)`).exec(
        doc,
      )?.[1];
      expect(bullet, `the bullet for ${denominator}`).toBeDefined();
      const exact = score(variant(denominator, '—'), { answers }).byDomain['impact']!;
      const rounded = score(variant(denominator, '2'), { answers }).byDomain['impact']!;
      const sums = [...bullet!.matchAll(/(\d+) \/ (\d+) = ([\d.]+)/g)].map((m) => m.slice(1));
      expect(sums, denominator).toEqual([[`${exact.raw}`, `${exact.max}`, dec(exact.ratio!)]]);
      const levels = [...bullet!.matchAll(/\*\*(low|medium|high)\*\*/g)].map((m) => m[1]);
      expect(levels[0], denominator).toBe(exact.final);
      expect(levels[1] ?? /: still (\w+)\./.exec(bullet!)?.[1], denominator).toBe(rounded.final);
      expect(bullet, denominator).toContain(` ${dec(rounded.adjustedRatio!)}`);
    }
  });

  it('shows the explanation the app and the report give for "all", rounded', () => {
    const text = guideBlock('text', 'rounded to 2 decimals');
    expect(text).toBeDefined();
    const q = variant('all', '2');
    const r: ScoreResult = score(q, { answers });
    expect(r.complete).toBe(true);
    expect(r.byDomain['impact']!.trace.map((t) => explainTrace(t, q, 'en'))).toEqual(
      text!.split('\n'),
    );
  });
});
