/**
 * scripts/licences.ts: the SPDX allow-list check (property-based against a reference evaluation),
 * copyright extraction, and the real dependency tree passing the check with the committed JSON current.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { allowed, collect, copyrightLines, OUTPUT } from '../../../scripts/licences';

const ALLOW = new Set(['MIT', 'ISC', 'Apache-2.0']);
const DENY = ['GPL-3.0-only', 'SSPL-1.0', 'BUSL-1.1', 'UNKNOWN'];

type Expr = { id: string } | { op: 'AND' | 'OR'; l: Expr; r: Expr };
const expr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...ALLOW, ...DENY).map((id) => ({ id })),
    fc.record({ op: fc.constantFrom('AND' as const, 'OR' as const), l: tie('e'), r: tie('e') }),
  ),
})).e;
const text = (e: Expr): string => ('id' in e ? e.id : `(${text(e.l)} ${e.op} ${text(e.r)})`);
const truth = (e: Expr): boolean =>
  'id' in e
    ? ALLOW.has(e.id)
    : e.op === 'AND'
      ? truth(e.l) && truth(e.r)
      : truth(e.l) || truth(e.r);

describe('licence allow-list', () => {
  it('evaluates SPDX expressions like the reference, for thousands of random expressions', () => {
    fc.assert(
      fc.property(expr, (e) => {
        expect(allowed(text(e), ALLOW)).toBe(truth(e));
      }),
      { numRuns: 3000 },
    );
  });

  it('handles the forms found in node_modules', () => {
    expect(allowed('MIT')).toBe(true);
    expect(allowed('(MIT AND Zlib)')).toBe(true);
    expect(allowed('(MPL-2.0 OR Apache-2.0)')).toBe(true);
    expect(allowed('MIT OR SEE LICENSE IN FEEL-FREE.md')).toBe(true);
    expect(allowed('SEE LICENSE IN LICENSE.md')).toBe(false);
    expect(allowed('GPL-3.0-only')).toBe(false);
    expect(allowed('MIT AND GPL-3.0-only')).toBe(false);
    expect(allowed('UNKNOWN')).toBe(false);
    expect(allowed('')).toBe(false);
  });

  it('finds copyright notices and skips licence clauses that look like them', () => {
    expect(
      copyrightLines('MIT License\n\nCopyright (c) 2024 Jane Doe\n\nPermission is hereby granted'),
    ).toEqual(['Copyright (c) 2024 Jane Doe']);
    expect(
      copyrightLines('Copyright\n(c) 2010-2025 James Hall\n(c) 2015 yWorks\n\nPermission'),
    ).toEqual(['(c) 2010-2025 James Hall', '(c) 2015 yWorks']);
    expect(
      copyrightLines('(c) You must retain, in the Source form\nthe above copyright notice and'),
    ).toEqual([]);
  });

  it('every package the app ships has an allowed licence, and the committed list is current', () => {
    const report = collect(process.cwd());
    expect(report.packages.length).toBeGreaterThan(20);
    expect(report.packages.filter((p) => !allowed(p.licence))).toEqual([]);
    for (const name of ['react', 'zod', 'jspdf', 'pkijs', 'dejavu-fonts-ttf', 'workbox-precaching'])
      expect(report.packages.map((p) => p.name)).toContain(name);
    expect(JSON.parse(readFileSync(OUTPUT, 'utf8'))).toEqual(report);
  });
});
