/**
 * Risk entries of the register: the ratings, the rules an entry must meet, drafts while editing,
 * and saving, removing and restoring an entry. Also what the other register modules share (problem
 * codes, `Change`, the history line). Pure: ids and times are passed in by the caller.
 */
import {
  DecisionSchema,
  MeasureStatusSchema,
  type Assessment,
  type Decision,
  type Measure,
  type MeasureStatus,
  type ProposalDecision,
  type RiskItem,
} from '../assessment/assessment-schema';
import type { Questionnaire } from '../questionnaire/questionnaire-schema';
import { numberRisks } from './risk-numbers';

export { numberRisks };

/** Likelihood and severity are rated 1 to 5 (docs/scoring.md §7). */
export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

/** The statuses of a measure and the decisions of a conclusion, in order: from the file's schema. */
export const MEASURE_STATUSES = MeasureStatusSchema.options;
export const DECISIONS = DecisionSchema.options;
export type { MeasureStatus, Decision };

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
  | 'nameRequired'
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

/** Missing, empty or only spaces. */
export const isBlank = (s: string | undefined) => s === undefined || s.trim() === '';

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
 * inherent one). docs/scoring.md §7 allows it only when the user says why.
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
  if (isBlank(r.title)) out.push({ path: 'title', code: 'titleRequired' });
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
  if (ratingsOk && residualAboveInherent(r) && isBlank(r.residualJustification)) {
    out.push({ path: 'residualJustification', code: 'residualJustificationRequired' });
  }
  r.measures.forEach((m, i) => {
    if (isBlank(m.text)) out.push({ path: `measures.${i}.text`, code: 'measureTextRequired' });
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
  if (r.number !== undefined) item.number = r.number;
  return item;
}

/** An edited risk keeps the number it was stored with (a draft may have lost it). */
export function keepNumber(item: RiskItem, stored: RiskItem | undefined): RiskItem {
  return stored?.number !== undefined ? { ...item, number: stored.number } : item;
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
  const i = a.register.findIndex((r) => r.id === draft.id);
  const item = keepNumber(toRiskItem(draft), a.register[i]);
  const register = i >= 0 ? a.register.with(i, item) : [...a.register, item];
  const next = numberRisks({ ...a, register }, item.id);
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
  // Numbers are stored before the removal, so the others keep theirs (R3 never becomes R2).
  const numbered = numberRisks(a);
  const next = {
    ...numbered,
    register: numbered.register.filter((r) => r.id !== riskId),
    proposals,
  };
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
