import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { questionnaireJsonSchema } from '../../../src/core/questionnaire/questionnaire-schema';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import { miniData } from './helpers';

const FILE = 'questionnaires/questionnaire.schema.json';
type Schema = Record<string, unknown>;

/**
 * A small JSON Schema (2020-12) checker for exactly the keywords the generated schema uses, so the
 * published file is tested as an editor would read it, not only as zod reads the same rules.
 * Returns the JSON paths where the value does not fit.
 */
function check(root: Schema, schema: Schema, value: unknown, path = ''): string[] {
  const errs: string[] = [];
  const fail = (why: string) => errs.push(`${path || '(root)'}: ${why}`);
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/$defs/', '');
    return check(root, (root.$defs as Record<string, Schema>)[name]!, value, path);
  }
  const typeOf = (v: unknown) =>
    v === null
      ? 'null'
      : Array.isArray(v)
        ? 'array'
        : typeof v === 'number' && Number.isInteger(v)
          ? 'integer'
          : typeof v;
  if (schema.type !== undefined) {
    const types = ([] as string[]).concat(schema.type as string | string[]);
    const t = typeOf(value);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) {
      fail(`type ${t}, expected ${types.join('|')}`);
      return errs;
    }
  }
  if ('const' in schema && value !== schema.const) fail(`not ${String(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) fail('not in enum');
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      fail(`does not match ${schema.pattern}`);
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) fail('too short');
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) fail('too long');
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail('below minimum');
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail('above maximum');
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum)
      fail('not above exclusiveMinimum');
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum)
      fail('not below exclusiveMaximum');
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail('too few');
    if (schema.items)
      value.forEach((v, i) =>
        errs.push(...check(root, schema.items as Schema, v, `${path}[${i}]`)),
      );
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const k of (schema.required ?? []) as string[]) if (!(k in obj)) fail(`missing ${k}`);
    for (const [k, v] of Object.entries(obj)) {
      const at = path ? `${path}.${k}` : k;
      if (schema.propertyNames) errs.push(...check(root, schema.propertyNames as Schema, k, at));
      if (props[k]) errs.push(...check(root, props[k], v, at));
      else if (schema.additionalProperties === false) fail(`unknown field ${k}`);
      else if (typeof schema.additionalProperties === 'object')
        errs.push(...check(root, schema.additionalProperties as Schema, v, at));
    }
  }
  if (Array.isArray(schema.oneOf)) {
    const fits = (schema.oneOf as Schema[]).filter((s) => check(root, s, value, path).length === 0);
    if (fits.length !== 1) fail(`fits ${fits.length} of the oneOf branches, expected exactly 1`);
  }
  return errs;
}

const published = () => JSON.parse(readFileSync(FILE, 'utf8')) as Schema;

describe('questionnaires/questionnaire.schema.json', () => {
  it('is in sync with the zod schema (regenerate with `npm run -s schema`)', () => {
    expect(published(), `${FILE} is out of date: run npm run -s schema`).toEqual(
      questionnaireJsonSchema(),
    );
    // Byte for byte as the schema command writes it, so a regenerated file gives no diff.
    expect(readFileSync(FILE, 'utf8')).toBe(
      `${JSON.stringify(questionnaireJsonSchema(), null, 2)}\n`,
    );
  });

  it('requires the same top-level keys the questionnaire format needs, and no others', () => {
    const s = published();
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect([...(s.required as string[])].sort()).toEqual(
      [
        'id',
        'version',
        'locales',
        'title',
        'domains',
        'levels',
        'thresholds',
        'riskBands',
        'sections',
      ].sort(),
    );
    expect(s.additionalProperties).toBe(false);
    // Every key the mini questionnaire uses is declared.
    const props = Object.keys(s.properties as object);
    for (const k of Object.keys(miniData())) expect(props).toContain(k);
  });

  it('accepts the mini questionnaire and every built-in questionnaire', () => {
    const s = published();
    expect(check(s, s, miniData())).toEqual([]);
    for (const id of readdirSync('questionnaires', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)) {
      const q = JSON.parse(readFileSync(`questionnaires/${id}/questionnaire.json`, 'utf8'));
      expect(check(s, s, q), id).toEqual([]);
    }
  });

  it('rejects what the zod schema rejects, at the same place', () => {
    const s = published();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- files are broken on purpose
    const cases: [string, (q: Record<string, any>) => void, string][] = [
      ['unknown top-level field', (q) => (q.colour = 'red'), '(root): unknown field colour'],
      ['missing sections', (q) => delete q.sections, '(root): missing sections'],
      ['bad version', (q) => (q.version = '1.0'), 'version: does not match'],
      ['threshold of 1', (q) => (q.thresholds = [0.25, 0.5, 1]), 'thresholds[2]: not below'],
      [
        'reserved id',
        (q) => (q.sections[0].questions[0].id = 'constructor'),
        'sections[0].questions[0]',
      ],
      [
        'unknown question type',
        (q) => (q.sections[0].questions[0].type = 'slider'),
        'sections[0].questions[0]: fits 0',
      ],
      ['unknown operator', (q) => (q.redFlags[1].when.op = 'matches'), 'redFlags[1].when: fits 0'],
      [
        'negative points',
        (q) => (q.sections[0].questions[1].yesPoints.privacy = -1),
        'sections[0].questions[1]',
      ],
    ];
    for (const [what, edit, where] of cases) {
      const q = miniData();
      edit(q);
      expect(validateQuestionnaire(q).valid, what).toBe(false);
      const errs = check(s, s, q);
      expect(
        errs.some((e) => e.startsWith(where)),
        `${what}: ${errs.join('; ')}`,
      ).toBe(true);
    }
  });
});
