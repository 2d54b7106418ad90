/**
 * The risk register, overrides and the conclusion (SCORING.md §6–7): the rules a register entry,
 * a domain override and the human conclusion must meet, the changes the app makes to them, and the
 * views the screens and the report share (register level, heat map, action plan, CSV). Pure: ids
 * and times are passed in by the caller.
 */
import type {
  Assessment,
  Conclusion,
  Measure,
  ProposalDecision,
  RiskItem,
} from '../assessment/assessment-schema';
import type { Questionnaire } from '../questionnaire/questionnaire-schema';
import { bandLevel, riskProducts, type DomainScore } from '../scoring/scoring';

/** Likelihood and severity are rated 1 to 5 (SCORING.md §6). */
export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

export const MEASURE_STATUSES = ['planned', 'inProgress', 'done'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const DECISIONS = ['proceed', 'proceedWithConditions', 'doNotProceed'] as const;
export type Decision = (typeof DECISIONS)[number];

/** What a problem is about; the UI turns the code into a sentence and the path into a field. */
export type RegisterProblemCode =
  | 'titleRequired'
  | 'unknownDomain'
  | 'ratingRequired'
  | 'ratingOutOfRange'
  | 'residualJustificationRequired'
  | 'measureTextRequired'
  | 'dueDateInvalid'
  | 'unknownLevel'
  | 'justificationRequired'
  | 'reasonRequired'
  | 'decisionRequired'
  | 'reasoningRequired'
  | 'conditionsRequired'
  | 'unknownProposal'
  | 'unknownRisk';

export interface RegisterProblem {
  /** The field, as a path in the object checked: "title", "measures.1.text", "justification". */
  path: string;
  code: RegisterProblemCode;
}

/** The result of a change that can be refused: the new assessment, or why not. */
export type Change =
  { ok: true; assessment: Assessment } | { ok: false; problems: RegisterProblem[] };

/**
 * A risk while it is being written: ratings may still be unchosen (null). The form holds this;
 * `riskProblems` says what is missing and `toRiskItem` makes the stored entry.
 */
export type RiskDraft = Omit<
  RiskItem,
  'likelihood' | 'severity' | 'residualLikelihood' | 'residualSeverity'
> & {
  likelihood: number | null;
  severity: number | null;
  residualLikelihood: number | null;
  residualSeverity: number | null;
};

const RATING_FIELDS = ['likelihood', 'severity', 'residualLikelihood', 'residualSeverity'] as const;

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

/** A calendar date that exists (2026-02-30 does not), as yyyy-mm-dd. */
export function isValidDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Inherent L × S and residual L′ × S′ of a draft; null while a rating is missing. */
export function draftProducts(r: RiskDraft): { inherent: number | null; residual: number | null } {
  return {
    inherent: r.likelihood !== null && r.severity !== null ? r.likelihood * r.severity : null,
    residual:
      r.residualLikelihood !== null && r.residualSeverity !== null
        ? r.residualLikelihood * r.residualSeverity
        : null,
  };
}

/**
 * True when the risk after measures is judged higher than before (residual product above the
 * inherent one). SCORING.md §6 allows it only when the user says why.
 */
export function residualAboveInherent(r: RiskDraft | RiskItem): boolean {
  const { inherent, residual } = draftProducts(r);
  return inherent !== null && residual !== null && residual > inherent;
}

/**
 * Everything that keeps a risk from being stored: a title, a known domain, four ratings 1–5, a
 * justification when the residual product is above the inherent one, a text for every measure and
 * real due dates. Empty means the risk is valid.
 */
export function riskProblems(r: RiskDraft | RiskItem, q: Questionnaire): RegisterProblem[] {
  const out: RegisterProblem[] = [];
  if (blank(r.title)) out.push({ path: 'title', code: 'titleRequired' });
  if (!q.domains.some((d) => d.id === r.domain))
    out.push({ path: 'domain', code: 'unknownDomain' });
  for (const f of RATING_FIELDS) {
    const v = r[f];
    if (v === null || v === undefined) out.push({ path: f, code: 'ratingRequired' });
    else if (!Number.isInteger(v) || v < 1 || v > 5)
      out.push({ path: f, code: 'ratingOutOfRange' });
  }
  // Compared only once all four ratings are valid: a product of a bad rating means nothing.
  const ratingsOk = out.every(
    (p) => !RATING_FIELDS.includes(p.path as (typeof RATING_FIELDS)[number]),
  );
  if (ratingsOk && residualAboveInherent(r) && blank(r.residualJustification)) {
    out.push({ path: 'residualJustification', code: 'residualJustificationRequired' });
  }
  r.measures.forEach((m, i) => {
    if (blank(m.text)) out.push({ path: `measures.${i}.text`, code: 'measureTextRequired' });
    if (m.dueDate !== '' && !isValidDay(m.dueDate))
      out.push({ path: `measures.${i}.dueDate`, code: 'dueDateInvalid' });
  });
  return out;
}

/**
 * The stored form of a valid draft: texts trimmed, empty measures' owner kept empty, and the
 * residual justification kept only while it is needed (a stale "why higher" would mislead).
 * Call only when `riskProblems` is empty.
 */
export function toRiskItem(r: RiskDraft): RiskItem {
  const rating = (v: number | null) => {
    if (v === null) throw new Error('toRiskItem: a rating is missing; check riskProblems first');
    return v;
  };
  const item: RiskItem = {
    id: r.id,
    domain: r.domain,
    title: r.title.trim(),
    description: r.description.trim(),
    affectedGroups: r.affectedGroups.trim(),
    likelihood: rating(r.likelihood),
    severity: rating(r.severity),
    residualLikelihood: rating(r.residualLikelihood),
    residualSeverity: rating(r.residualSeverity),
    measures: r.measures.map((m) => {
      const out: Measure = {
        id: m.id,
        text: m.text.trim(),
        owner: m.owner.trim(),
        dueDate: m.dueDate,
        status: m.status,
      };
      if (m.suggestedMeasure) out.suggestedMeasure = m.suggestedMeasure;
      return out;
    }),
  };
  if (residualAboveInherent(item) && r.residualJustification) {
    item.residualJustification = r.residualJustification.trim();
  }
  if (r.proposal) item.proposal = r.proposal;
  return item;
}

/** A stored risk as a draft, for editing. */
export function toRiskDraft(r: RiskItem): RiskDraft {
  return { ...r, measures: r.measures.map((m) => ({ ...m })) };
}

/** An empty draft in a domain; ratings unchosen, so the user has to judge them. */
export function emptyRiskDraft(id: string, domain: string): RiskDraft {
  return {
    id,
    domain,
    title: '',
    description: '',
    affectedGroups: '',
    likelihood: null,
    severity: null,
    residualLikelihood: null,
    residualSeverity: null,
    measures: [],
  };
}

/** Adds a line to the assessment's history (the audit trail of who-decided-what moments). */
export function withHistory(
  a: Assessment,
  at: string,
  action: string,
  detail?: string,
): Assessment {
  const entry =
    detail === undefined ? { at, action } : { at, action, detail: detail.slice(0, 2000) };
  return { ...a, history: [...a.history, entry].slice(-10000) };
}

/**
 * Stores a risk: replaces the entry with the same id, or adds it at the end. Refused with the
 * problems when the draft is not valid.
 */
export function saveRisk(a: Assessment, q: Questionnaire, draft: RiskDraft, at: string): Change {
  const problems = riskProblems(draft, q);
  if (problems.length > 0) return { ok: false, problems };
  const item = toRiskItem(draft);
  const i = a.register.findIndex((r) => r.id === item.id);
  const register = i >= 0 ? a.register.with(i, item) : [...a.register, item];
  const next = { ...a, register };
  return {
    ok: true,
    assessment: i >= 0 ? next : withHistory(next, at, 'riskAdded', item.title),
  };
}

/** What `removeRisk` took out, so that `restoreRisk` can put it back exactly (undo). */
export interface RemovedRisk {
  risk: RiskItem;
  index: number;
  /** The accepted proposal decisions that pointed at it (one risk may cover several proposals). */
  decisions: { id: string; decision: ProposalDecision }[];
}

/**
 * Removes a risk. If it came from proposals, their "accepted" decisions go too: the proposals are
 * open again, so removing a proposed risk is never a silent way of dismissing it without a reason.
 */
export function removeRisk(
  a: Assessment,
  riskId: string,
  at: string,
): { assessment: Assessment; removed: RemovedRisk } | null {
  const index = a.register.findIndex((r) => r.id === riskId);
  if (index < 0) return null;
  const risk = a.register[index]!;
  const decisions: RemovedRisk['decisions'] = [];
  const proposals = { ...a.proposals };
  for (const [id, d] of Object.entries(a.proposals)) {
    if (d.status === 'accepted' && (d.riskId === riskId || id === risk.proposal)) {
      decisions.push({ id, decision: d });
      delete proposals[id];
    }
  }
  const next = { ...a, register: a.register.filter((r) => r.id !== riskId), proposals };
  return {
    assessment: withHistory(next, at, 'riskRemoved', risk.title),
    removed: { risk, index, decisions },
  };
}

/** Puts a removed risk back where it was, with its proposal decisions (undo of `removeRisk`). */
export function restoreRisk(a: Assessment, removed: RemovedRisk, at: string): Assessment {
  if (a.register.some((r) => r.id === removed.risk.id)) return a;
  const register = [...a.register];
  register.splice(Math.min(removed.index, register.length), 0, removed.risk);
  const proposals = { ...a.proposals };
  for (const d of removed.decisions) proposals[d.id] = d.decision;
  return withHistory({ ...a, register, proposals }, at, 'riskRestored', removed.risk.title);
}

/** The risk that sets a domain's register level, and that level (SCORING.md §6). */
export interface RegisterLevel {
  level: string | null;
  riskId: string;
  product: number;
}

/**
 * `registerLevel(d)`: the band of the highest residual product among the domain's risks; the first
 * such risk in register order names it. Null when the domain has no risks.
 */
export function registerLevel(
  q: Questionnaire,
  register: readonly RiskItem[],
  domain: string,
): RegisterLevel | null {
  let best: RegisterLevel | null = null;
  for (const r of register) {
    if (r.domain !== domain) continue;
    const { residual } = riskProducts(r);
    if (!best || residual > best.product) {
      best = { level: bandLevel(q, residual), riskId: r.id, product: residual };
    }
  }
  return best;
}

/** "R1", "R2", … by place in the register: the same numbers as the PDF report. */
export function riskNumbers(register: readonly RiskItem[]): Map<string, string> {
  return new Map(register.map((r, i) => [r.id, `R${i + 1}`]));
}

/** Risks grouped by domain in questionnaire order; risks of unknown domains come last. */
export function risksByDomain(
  q: Questionnaire,
  register: readonly RiskItem[],
): { domain: string; risks: RiskItem[] }[] {
  const groups = q.domains.map((d) => ({
    domain: d.id,
    risks: register.filter((r) => r.domain === d.id),
  }));
  const known = new Set(q.domains.map((d) => d.id));
  const unknown = [...new Set(register.filter((r) => !known.has(r.domain)).map((r) => r.domain))];
  return [
    ...groups,
    ...unknown.map((domain) => ({ domain, risks: register.filter((r) => r.domain === domain) })),
  ];
}

/** One cell of the 5 × 5 heat map. */
export interface HeatCell {
  likelihood: Rating;
  severity: Rating;
  product: number;
  /** The level band the product falls in. */
  level: string | null;
  /** Ids of the risks in this cell before measures, in register order. */
  inherent: string[];
  /** Ids of the risks in this cell after measures. */
  residual: string[];
}

/** The heat map: cells[likelihood − 1][severity − 1]. */
export function heatMap(q: Questionnaire, register: readonly RiskItem[]): HeatCell[][] {
  const cells: HeatCell[][] = RATINGS.map((l) =>
    RATINGS.map((s) => ({
      likelihood: l,
      severity: s,
      product: l * s,
      level: bandLevel(q, l * s),
      inherent: [],
      residual: [],
    })),
  );
  for (const r of register) {
    cells[r.likelihood - 1]?.[r.severity - 1]?.inherent.push(r.id);
    cells[r.residualLikelihood - 1]?.[r.residualSeverity - 1]?.residual.push(r.id);
  }
  return cells;
}

// ——— Overrides (SCORING.md §7) ———

/** What an override must have: a known domain, a declared level and a written justification. */
export function overrideProblems(
  q: Questionnaire,
  domain: string,
  level: string,
  justification: string,
): RegisterProblem[] {
  const out: RegisterProblem[] = [];
  if (!q.domains.some((d) => d.id === domain)) out.push({ path: 'domain', code: 'unknownDomain' });
  if (!q.levels.some((l) => l.id === level)) out.push({ path: 'level', code: 'unknownLevel' });
  if (blank(justification)) out.push({ path: 'justification', code: 'justificationRequired' });
  return out;
}

/**
 * The level the domain's fired red flags set as its least (the highest of their `minLevel`s) when
 * `level` is below it, else null. Overriding below it is allowed (SCORING.md §7), but the override
 * dialog says so. Read from the domain's trace, so it is exactly what scoring applied.
 */
export function redFlagFloorAbove(q: Questionnaire, d: DomainScore, level: string): string | null {
  const rank = (id: string) => q.levels.findIndex((l) => l.id === id);
  let floor: string | null = null;
  for (const e of d.trace)
    if (e.kind === 'redFlag' && (floor === null || rank(e.minLevel) > rank(floor)))
      floor = e.minLevel;
  return floor !== null && rank(level) >= 0 && rank(level) < rank(floor) ? floor : null;
}

/**
 * Sets a domain's final level by hand. The computed level is not touched: scoring keeps it and
 * every view shows both (SCORING.md §7).
 */
export function setOverride(
  a: Assessment,
  q: Questionnaire,
  domain: string,
  level: string,
  justification: string,
  at: string,
): Change {
  const problems = overrideProblems(q, domain, level, justification);
  if (problems.length > 0) return { ok: false, problems };
  const text = justification.trim();
  const next = {
    ...a,
    overrides: { ...a.overrides, [domain]: { level, justification: text, at } },
  };
  return { ok: true, assessment: withHistory(next, at, 'overrideSet', `${domain}: ${level}`) };
}

/** Removes a domain's override: the final level is the computed one again. */
export function removeOverride(a: Assessment, domain: string, at: string): Assessment {
  if (!(domain in a.overrides)) return a;
  const overrides = { ...a.overrides };
  delete overrides[domain];
  return withHistory({ ...a, overrides }, at, 'overrideRemoved', domain);
}

// ——— Conclusion (SCORING.md §7: recorded by people, never computed) ———

/**
 * What a conclusion still lacks: a decision, the reasoning, and at least one condition when the
 * decision is to proceed with conditions. The same rules block signing (signoff.ts).
 */
export function conclusionProblems(c: Partial<Conclusion> | undefined): RegisterProblem[] {
  const out: RegisterProblem[] = [];
  if (!c?.decision) out.push({ path: 'decision', code: 'decisionRequired' });
  if (blank(c?.reasoning)) out.push({ path: 'reasoning', code: 'reasoningRequired' });
  if (c?.decision === 'proceedWithConditions' && !(c.conditions ?? []).some((t) => !blank(t))) {
    out.push({ path: 'conditions', code: 'conditionsRequired' });
  }
  return out;
}

/**
 * Records the conclusion as the user has it now (it is saved while typed, like answers; what is
 * still missing is shown and blocks signing). Conditions belong only to "proceed with conditions";
 * empty condition lines are dropped.
 */
export function setConclusion(a: Assessment, c: Conclusion): Assessment {
  const conditions =
    c.decision === 'proceedWithConditions' ? c.conditions.filter((t) => !blank(t)) : [];
  const next: Conclusion = { decision: c.decision, reasoning: c.reasoning, conditions };
  const prev = a.conclusion;
  if (
    prev &&
    prev.decision === next.decision &&
    prev.reasoning === next.reasoning &&
    prev.conditions.length === next.conditions.length &&
    prev.conditions.every((t, i) => t === next.conditions[i])
  ) {
    return a;
  }
  return { ...a, conclusion: next };
}

// ——— Action plan ———

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

// ——— CSV ———

/**
 * One CSV field. Quoted when it holds the separator, a quote or a line break (quotes doubled,
 * RFC 4180). A text that a spreadsheet would run as a formula (starts with =, +, -, @, tab or CR)
 * gets a leading apostrophe, as OWASP advises against CSV injection: a measure typed as
 * "=HYPERLINK(...)" must stay text when the plan is opened in Excel.
 */
export function csvField(value: string, separator: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  if (v.includes(separator) || /["\r\n]/.test(v)) v = `"${v.replace(/"/g, '""')}"`;
  return v;
}

/**
 * A CSV file: a header row and the rows, CRLF line ends, with a UTF-8 byte order mark so that
 * Excel reads accents and other scripts correctly. The separator is chosen by the caller: Excel
 * with Dutch regional settings expects ";", English ",".
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  separator: ',' | ';',
): string {
  const line = (cells: readonly string[]) =>
    cells.map((c) => csvField(c, separator)).join(separator);
  return `\uFEFF${[header, ...rows].map(line).join('\r\n')}\r\n`;
}
