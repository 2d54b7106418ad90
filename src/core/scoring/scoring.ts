import {
  OVERALL_DOMAIN,
  type Points,
  type Question,
  type Questionnaire,
} from '../questionnaire/questionnaire-schema';
import type { Answers, AnswerValue } from './answers';
import type { Assessment, RiskItem } from '../assessment/assessment-schema';
import { evaluate, referencedQuestions } from './condition';
import { computeVisibility, openRequiredQuestions, type Visibility } from './visibility';
import { isAnswered } from './answers';
import { questionInstance } from '../questionnaire/repeat';

/** False for a question of a repeating group whose option is not chosen (or whose source is hidden). */
function instanceExists(q: Questionnaire, questionId: string, vis: Visibility): boolean {
  const inst = questionInstance(q, questionId);
  if (!inst) return true;
  const chosen = vis.effective[inst.source];
  return Array.isArray(chosen) && chosen.includes(inst.option);
}

/** The points key that marks mitigation points (docs/scoring.md §4). */
export const MITIGATION_KEY = 'mitigation';

/** One step of a domain's explanation (docs/scoring.md §11). */
export type TraceEntry =
  | { kind: 'answer'; questionId: string; options: string[]; got: number; max: number }
  | { kind: 'unanswered'; questionId: string; max: number }
  /** A hidden question whose points still count in the maximum (denominator "all"). */
  | { kind: 'hidden'; questionId: string; max: number }
  /** The ratio rounded half up to the questionnaire's decimals before the thresholds. */
  | { kind: 'rounded'; from: number; to: number; decimals: number }
  /** Answered "not applicable": its `max` points are left out of the domain's maximum. */
  | { kind: 'notApplicable'; questionId: string; max: number; reason: string }
  | { kind: 'ratio'; raw: number; max: number; ratio: number }
  | {
      kind: 'mitigation';
      applied: boolean;
      raw: number;
      max: number;
      threshold: number;
      reduction: number;
      ratio: number;
    }
  | { kind: 'thresholds'; ratio: number; thresholds: number[]; level: string }
  | { kind: 'redFlag'; flagId: string; minLevel: string; questions: string[]; raised: boolean }
  | { kind: 'register'; riskId: string; product: number; level: string }
  | { kind: 'override'; from: string | null; to: string; justification: string };

export interface DomainScore {
  domain: string;
  raw: number;
  max: number;
  /** raw / max; null when max is 0 (no visible question scores this domain). */
  ratio: number | null;
  /** The ratio after mitigation credit (equal to ratio when none applies). */
  adjustedRatio: number | null;
  /** Level from the thresholds alone. */
  ratioLevel: string | null;
  redFlags: string[];
  /** Level after red flags (docs/scoring.md §6). */
  answerLevel: string | null;
  registerLevel: string | null;
  registerRisk: string | null;
  /** max(answer level, register level) (docs/scoring.md §8). */
  computed: string | null;
  override: { level: string; justification: string } | null;
  /** The override's level if any, else computed; null means "not assessed". */
  final: string | null;
  trace: TraceEntry[];
}

export interface FiredRedFlag {
  id: string;
  domain: string;
  minLevel: string;
  /** Answered questions its condition refers to: the answers that triggered it. */
  questions: string[];
}

/**
 * An override in the assessment that scoring did not apply, and why: its domain or level is not
 * one of the questionnaire's, or it has no written justification (docs/scoring.md §8). The domain's
 * final level is then its computed level; the screens, the report and the CLI say so in words.
 */
export interface IgnoredOverride {
  domain: string;
  level: string;
  reason: 'unknownDomain' | 'unknownLevel' | 'justificationRequired';
}

export interface ScoreResult {
  domains: DomainScore[];
  /** Overrides in the assessment that were not applied (never silently: every view lists them). */
  ignoredOverrides: IgnoredOverride[];
  byDomain: Record<string, DomainScore>;
  overall: { level: string | null; aggregation: 'max' | 'mean'; redFlags: string[] };
  redFlags: FiredRedFlag[];
  mitigation: { raw: number; max: number; applied: boolean } | null;
  openRequired: string[];
  /** Visible questions answered "not applicable", with the reason, in questionnaire order. */
  notApplicable: { questionId: string; reason: string }[];
  /** True when no visible required question is open. Otherwise every result is provisional. */
  complete: boolean;
  visibility: Visibility;
}

/** What the engine needs of an assessment; answers alone are enough for answer levels. */
export type ScoringInput = Pick<Assessment, 'answers'> &
  Partial<Pick<Assessment, 'register' | 'overrides' | 'notApplicable'>>;

/**
 * A map by id without a prototype: an id such as "toString" or "valueOf" finds nothing that is not
 * in it (the validator refuses such ids; this keeps scoring numeric even without the validator).
 */
function emptyMap<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Points a question can give per domain, and what this answer gets (docs/scoring.md §3). */
export function questionPoints(
  question: Question,
  answer: AnswerValue | undefined,
): { max: Points; got: Points; options: string[] } {
  const max: Points = emptyMap();
  const got: Points = emptyMap();
  const chosen: string[] = [];
  const add = (target: Points, points: Points | undefined) => {
    for (const [d, p] of Object.entries(points ?? {})) target[d] = (target[d] ?? 0) + p;
  };
  const atLeast = (target: Points, points: Points | undefined) => {
    for (const [d, p] of Object.entries(points ?? {})) target[d] = Math.max(target[d] ?? 0, p);
  };
  switch (question.type) {
    case 'singleChoice':
    case 'scale': {
      for (const o of question.options) atLeast(max, o.points);
      const o = question.options.find((x) => x.id === answer);
      if (o) {
        add(got, o.points);
        chosen.push(o.id);
      }
      break;
    }
    case 'multiChoice': {
      for (const o of question.options) add(max, o.points);
      const ids = Array.isArray(answer) ? answer : [];
      for (const o of question.options) {
        if (ids.includes(o.id)) {
          add(got, o.points);
          chosen.push(o.id);
        }
      }
      for (const [d, cap] of Object.entries(question.maxPoints ?? {})) {
        max[d] = Math.min(max[d] ?? 0, cap);
        if (got[d] !== undefined) got[d] = Math.min(got[d], cap);
      }
      break;
    }
    case 'number': {
      for (const r of question.ranges ?? []) atLeast(max, r.points);
      if (typeof answer === 'number' && Number.isFinite(answer)) {
        const r = (question.ranges ?? []).find(
          (x) =>
            (x.min === undefined || answer >= x.min) && (x.max === undefined || answer <= x.max),
        );
        if (r) add(got, r.points);
        chosen.push(String(answer));
      }
      break;
    }
    case 'yesNo': {
      atLeast(max, question.yesPoints);
      atLeast(max, question.noPoints);
      if (answer === true) {
        add(got, question.yesPoints);
        chosen.push('yes');
      } else if (answer === false) {
        add(got, question.noPoints);
        chosen.push('no');
      }
      break;
    }
    default:
      break;
  }
  return { max, got, options: chosen };
}

/**
 * Tolerance for comparing ratios with thresholds. The mitigation credit multiplies two decimals, and
 * floating point then lands just above a threshold that the same sum by hand meets exactly
 * (0.75 × (1 − 0.2) = 0.6000000000000001 > 0.6); docs/scoring.md requires results a reviewer can
 * reproduce by hand. Far below any difference real points can make (0.2501 vs 0.25 stays apart).
 */
const RATIO_EPSILON = 1e-9;

/** Level index from a ratio: the number of thresholds strictly below it (docs/scoring.md §5). */
export function levelIndexForRatio(ratio: number, thresholds: readonly number[]): number {
  return thresholds.filter((t) => ratio - t > RATIO_EPSILON).length;
}

/** The level id a likelihood × severity product falls in, by the questionnaire's bands. */
export function bandLevel(q: Questionnaire, product: number): string | null {
  return q.riskBands.find((b) => product >= b.min && product <= b.max)?.level ?? null;
}

/** Inherent and residual products of a risk (docs/scoring.md §7). */
export function riskProducts(risk: RiskItem): { inherent: number; residual: number } {
  return {
    inherent: risk.likelihood * risk.severity,
    residual: risk.residualLikelihood * risk.residualSeverity,
  };
}

/** Scores an assessment: visibility, points, mitigation, levels, red flags, register, overrides. */
export function score(q: Questionnaire, input: ScoringInput): ScoreResult {
  const answers: Answers = input.answers;
  const visibility = computeVisibility(q, answers, input.notApplicable ?? {});
  const levelIds = q.levels.map((l) => l.id);
  const idx = (id: string | null) => (id === null ? -1 : levelIds.indexOf(id));
  const higher = (a: string | null, b: string | null) => (idx(b) > idx(a) ? b : a);

  const raw: Points = emptyMap();
  const max: Points = emptyMap();
  const traces = emptyMap<TraceEntry[]>();
  for (const d of q.domains) {
    raw[d.id] = 0;
    max[d.id] = 0;
    traces[d.id] = [];
  }
  let mitRaw = 0;
  let mitMax = 0;

  const allCount = q.denominator === 'all';
  for (const section of q.sections) {
    for (const question of section.questions) {
      if (!visibility.questions.has(question.id)) {
        // Denominator "all": a hidden question still counts what it could give, and gets 0.
        // An instance of a repeating group exists only while its option is chosen: the instances
        // of other options are no questions of this assessment, and count in no maximum.
        if (allCount && !question.mitigation && instanceExists(q, question.id, visibility)) {
          for (const [d, m] of Object.entries(questionPoints(question, undefined).max)) {
            if (!(d in max) || m <= 0) continue;
            max[d] = (max[d] ?? 0) + m;
            traces[d]!.push({ kind: 'hidden', questionId: question.id, max: m });
          }
        }
        continue;
      }
      const answer = visibility.effective[question.id];
      const p = questionPoints(question, answer);
      const naReason = visibility.notApplicable.get(question.id);
      if (naReason !== undefined) {
        // Out of the maximum: it neither counts points nor the points it could have given.
        for (const [d, m] of Object.entries(p.max)) {
          if (!(d in max) || m <= 0) continue;
          traces[d]!.push({
            kind: 'notApplicable',
            questionId: question.id,
            max: m,
            reason: naReason,
          });
        }
        continue;
      }
      if (question.mitigation) {
        mitRaw += p.got[MITIGATION_KEY] ?? 0;
        mitMax += p.max[MITIGATION_KEY] ?? 0;
        continue;
      }
      for (const [d, m] of Object.entries(p.max)) {
        if (!(d in max) || m <= 0) continue;
        const g = p.got[d] ?? 0;
        max[d] = (max[d] ?? 0) + m;
        raw[d] = (raw[d] ?? 0) + g;
        traces[d]!.push(
          isAnswered(answer)
            ? { kind: 'answer', questionId: question.id, options: p.options, got: g, max: m }
            : { kind: 'unanswered', questionId: question.id, max: m },
        );
      }
    }
  }

  const mitigationApplied =
    !!q.mitigation && mitMax > 0 && mitRaw >= q.mitigation.threshold * mitMax - RATIO_EPSILON;
  const factor = mitigationApplied && q.mitigation ? 1 - q.mitigation.reduction : 1;

  const fired: FiredRedFlag[] = [];
  for (const flag of q.redFlags ?? []) {
    if (!evaluate(flag.when, visibility.effective)) continue;
    fired.push({
      id: flag.id,
      domain: flag.domain,
      minLevel: flag.minLevel,
      questions: [...new Set(referencedQuestions(flag.when))].filter((id) =>
        isAnswered(visibility.effective[id]),
      ),
    });
  }

  // Own keys only: an override keyed "toString" must not find Object.prototype's.
  const overrides = new Map(Object.entries(input.overrides ?? {}));
  const ignoredOverrides: IgnoredOverride[] = [];
  const domains: DomainScore[] = q.domains.map((d) => {
    const trace = traces[d.id]!;
    const r = raw[d.id] ?? 0;
    const m = max[d.id] ?? 0;
    const ratio = m > 0 ? r / m : null;
    let adjustedRatio = ratio;
    let ratioLevel: string | null = null;
    if (ratio !== null) {
      trace.push({ kind: 'ratio', raw: r, max: m, ratio });
      if (q.mitigation) {
        adjustedRatio = ratio * factor;
        trace.push({
          kind: 'mitigation',
          applied: mitigationApplied,
          raw: mitRaw,
          max: mitMax,
          threshold: q.mitigation.threshold,
          reduction: q.mitigation.reduction,
          ratio: adjustedRatio,
        });
      }
      if (q.ratioDecimals !== undefined) {
        const f = 10 ** q.ratioDecimals;
        // Half up, with the tolerance of §5 so that 0.125 rounds to 0.13 as by hand.
        const to = Math.floor(adjustedRatio! * f + 0.5 + RATIO_EPSILON) / f;
        trace.push({ kind: 'rounded', from: adjustedRatio!, to, decimals: q.ratioDecimals });
        adjustedRatio = to;
      }
      ratioLevel = levelIds[levelIndexForRatio(adjustedRatio!, q.thresholds)] ?? null;
      trace.push({
        kind: 'thresholds',
        ratio: adjustedRatio!,
        thresholds: [...q.thresholds],
        level: ratioLevel!,
      });
    }
    let answerLevel = ratioLevel;
    const flags: string[] = [];
    for (const f of fired.filter((x) => x.domain === d.id)) {
      const raised = idx(f.minLevel) > idx(answerLevel);
      answerLevel = higher(answerLevel, f.minLevel);
      flags.push(f.id);
      trace.push({
        kind: 'redFlag',
        flagId: f.id,
        minLevel: f.minLevel,
        questions: f.questions,
        raised,
      });
    }
    let registerLevel: string | null = null;
    let registerRisk: string | null = null;
    let best = 0;
    for (const risk of input.register ?? []) {
      if (risk.domain !== d.id) continue;
      const { residual } = riskProducts(risk);
      if (residual > best) {
        best = residual;
        registerRisk = risk.id;
        registerLevel = bandLevel(q, residual);
      }
    }
    if (registerRisk && registerLevel) {
      trace.push({ kind: 'register', riskId: registerRisk, product: best, level: registerLevel });
    }
    const computed = higher(answerLevel, registerLevel);
    const o = overrides.get(d.id);
    // An override counts only with a declared level and a written justification; otherwise the
    // computed level stands (never lower than the rules give) and the override is reported.
    const problem: IgnoredOverride['reason'] | null = !o
      ? null
      : !levelIds.includes(o.level)
        ? 'unknownLevel'
        : o.justification.trim() === ''
          ? 'justificationRequired'
          : null;
    if (o && problem) ignoredOverrides.push({ domain: d.id, level: o.level, reason: problem });
    const override = o && !problem ? { level: o.level, justification: o.justification } : null;
    if (override) {
      trace.push({
        kind: 'override',
        from: computed,
        to: override.level,
        justification: override.justification,
      });
    }
    return {
      domain: d.id,
      raw: r,
      max: m,
      ratio,
      adjustedRatio,
      ratioLevel,
      redFlags: flags,
      answerLevel,
      registerLevel,
      registerRisk,
      computed,
      override,
      final: override ? override.level : computed,
      trace,
    };
  });

  const domainIds = new Set(q.domains.map((d) => d.id));
  for (const [domain, o] of overrides) {
    if (!domainIds.has(domain)) {
      ignoredOverrides.push({ domain, level: o.level, reason: 'unknownDomain' });
    }
  }

  const aggregation = q.aggregation ?? 'max';
  const finals = domains.map((d) => idx(d.final)).filter((i) => i >= 0);
  let overallIdx = -1;
  if (finals.length > 0) {
    overallIdx =
      aggregation === 'max'
        ? Math.max(...finals)
        : Math.floor(finals.reduce((a, b) => a + b, 0) / finals.length + 0.5);
  }
  const overallFlags = fired.filter((f) => f.domain === OVERALL_DOMAIN);
  for (const f of overallFlags) overallIdx = Math.max(overallIdx, idx(f.minLevel));

  const openRequired = openRequiredQuestions(q, visibility);
  return {
    domains,
    ignoredOverrides,
    byDomain: Object.assign(
      emptyMap<DomainScore>(),
      Object.fromEntries(domains.map((d) => [d.domain, d])),
    ),
    overall: {
      level: overallIdx >= 0 ? (levelIds[overallIdx] ?? null) : null,
      aggregation,
      redFlags: overallFlags.map((f) => f.id),
    },
    redFlags: fired,
    mitigation: q.mitigation ? { raw: mitRaw, max: mitMax, applied: mitigationApplied } : null,
    openRequired,
    notApplicable: [...visibility.notApplicable].map(([questionId, reason]) => ({
      questionId,
      reason,
    })),
    complete: openRequired.length === 0,
    visibility,
  };
}
