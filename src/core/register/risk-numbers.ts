/**
 * Risk numbers (R1, R2, …): given once when a risk is stored and never reused, so "see R3" in a
 * CSV, a PDF or a note keeps pointing at the same risk after another one is removed.
 */
import type { Assessment, RiskItem } from '../assessment/assessment-schema';

/**
 * Each risk's number: the one stored with it. A risk without one (a file written before numbers
 * were kept) gets the next free number after the highest stored one, in register order; for such
 * a file that is its place (R1, R2, …), as it was shown before. `numberRisks` stores them.
 */
export function riskNumberValues(register: readonly RiskItem[]): Map<string, number> {
  const out = new Map<string, number>();
  const used = new Set<number>();
  for (const r of register) if (r.number !== undefined && !used.has(r.number)) used.add(r.number);
  let next = Math.max(0, ...used) + 1;
  const taken = new Set<number>();
  for (const r of register) {
    // A number twice (a hand-edited file): the first keeps it, the next gets a free one.
    if (r.number !== undefined && !taken.has(r.number)) {
      out.set(r.id, r.number);
      taken.add(r.number);
    } else out.set(r.id, next++);
  }
  return out;
}

/** "R1", "R2", …: the same numbers in the app, the CSV and the PDF report (see `riskNumberValues`). */
export function riskNumbers(register: readonly RiskItem[]): Map<string, string> {
  return new Map([...riskNumberValues(register)].map(([id, n]) => [id, `R${n}`]));
}

/**
 * Stores every risk's number (those without one get what they are shown as now) and gives the
 * risk `newId`, if it has none yet, the next number after the highest ever given: numbers are
 * never reused, also not after the highest risk is removed.
 */
export function numberRisks(a: Assessment, newId?: string): Assessment {
  const isNew = (r: RiskItem) => r.id === newId && r.number === undefined;
  const values = riskNumberValues(a.register.filter((r) => !isNew(r)));
  let last = Math.max(a.lastRiskNumber ?? 0, ...values.values());
  const register = a.register.map((r) => {
    if (isNew(r)) return { ...r, number: ++last };
    const n = values.get(r.id)!;
    return r.number === n ? r : { ...r, number: n };
  });
  return { ...a, register, lastRiskNumber: last };
}
