/** The action plan: every measure of every risk, sorted for the screen, and ticking progress off. */
import type { Assessment } from '../assessment/assessment-schema';
import type { MeasureStatus } from './register';
import { riskNumbers } from './register-views';

/** One measure in the action plan, with the risk it belongs to. */
export interface ActionRow {
  riskId: string;
  riskNumber: string;
  riskTitle: string;
  domain: string;
  measureId: string;
  text: string;
  owner: string;
  dueDate: string;
  status: MeasureStatus;
}

/** Every measure of every risk, in register order. */
export function actionPlan(a: Pick<Assessment, 'register'>): ActionRow[] {
  const numbers = riskNumbers(a.register);
  return a.register.flatMap((r) =>
    r.measures.map((m) => ({
      riskId: r.id,
      riskNumber: numbers.get(r.id)!,
      riskTitle: r.title,
      domain: r.domain,
      measureId: m.id,
      text: m.text,
      owner: m.owner,
      dueDate: m.dueDate,
      status: m.status,
    })),
  );
}

export type ActionSortKey = 'dueDate' | 'owner';
export type SortDirection = 'ascending' | 'descending';

/**
 * Sorts the action plan by due date or owner. Rows without a date or owner go last in either
 * direction (they are the ones to fill in, not the earliest or latest); ties keep register order.
 */
export function sortActions(
  rows: readonly ActionRow[],
  key: ActionSortKey,
  direction: SortDirection,
  locale: string,
): ActionRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((x, y) => {
      const a = key === 'dueDate' ? x.row.dueDate : x.row.owner.trim();
      const b = key === 'dueDate' ? y.row.dueDate : y.row.owner.trim();
      if (a === '' || b === '') return a === b ? x.i - y.i : a === '' ? 1 : -1;
      const c = key === 'dueDate' ? (a < b ? -1 : a > b ? 1 : 0) : collator.compare(a, b);
      return c !== 0 ? c * sign : x.i - y.i;
    })
    .map((x) => x.row);
}

/** Sets a measure's status in place (the action plan lets people tick progress off). */
export function setMeasureStatus(
  a: Assessment,
  riskId: string,
  measureId: string,
  status: MeasureStatus,
): Assessment {
  const i = a.register.findIndex((r) => r.id === riskId);
  const risk = a.register[i];
  const m = risk?.measures.findIndex((x) => x.id === measureId) ?? -1;
  if (!risk || m < 0 || risk.measures[m]!.status === status) return a;
  const measures = risk.measures.with(m, { ...risk.measures[m]!, status });
  return { ...a, register: a.register.with(i, { ...risk, measures }) };
}
