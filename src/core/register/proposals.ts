/**
 * Proposed risks (docs/scoring.md §7: "the app proposes register entries from answers that scored high
 * or raised red flags"). The rule, documented in docs/risk-register.md:
 *
 * - every fired red flag proposes one risk, in the flag's domain (a flag on "overall" proposes a
 *   risk whose domain the user chooses);
 * - every visible, answered question that gives a domain at least the questionnaire's
 *   `proposalShare` (default 75 %) of the points it can give that domain, and more than 0,
 *   proposes one risk in that domain — unless a
 *   fired red flag of the same domain already names that question (the flag's proposal covers it).
 *
 * A proposal carries the questionnaire's suggested measures for its domain. The user accepts it
 * (after reviewing and rating it in the risk form: the engine never rates a risk on their behalf),
 * or dismisses it with a reason that stays in the summary and the report. Decisions are kept in
 * `assessment.proposals` by proposal id; ids are stable (`answer:<question>:<domain>`,
 * `redFlag:<flag>`), so a decision survives answers changing back and forth.
 */
import { questionTitle } from '../questionnaire/repeat';
import type { Assessment, ProposalDecision } from '../assessment/assessment-schema';
import { OVERALL_DOMAIN, type Questionnaire } from '../questionnaire/questionnaire-schema';
import { pick } from '../texts/localized';
import { indexQuestionnaire } from '../questionnaire/questionnaire-index';
import { score, type ScoreResult } from '../scoring/scoring';
import {
  keepNumber,
  numberRisks,
  riskProblems,
  toRiskItem,
  withHistory,
  type Change,
  type RiskDraft,
} from './register';
import { fillTemplate } from '../texts/template';

/**
 * Share of a question's points for a domain at which its answer proposes a risk, when the
 * questionnaire sets no `proposalShare`: the top threshold of the usual levels
 * ([0.25, 0.5, 0.75]), so the answer on its own sits in the highest band.
 */
export const DEFAULT_PROPOSAL_SHARE = 0.75;

/** The questionnaire's proposal share (0 < share ≤ 1, checked by its schema), or the default. */
export function proposalShare(q: Questionnaire): number {
  return q.proposalShare ?? DEFAULT_PROPOSAL_SHARE;
}
/** Same tolerance as scoring: 3 of 4 points is exactly 75 %, also after float division. */
const EPSILON = 1e-9;

export type ProposalSource =
  | { kind: 'answer'; questionId: string; options: string[]; got: number; max: number }
  | { kind: 'redFlag'; flagId: string; questions: string[] };

export interface Proposal {
  id: string;
  /** Null for a red flag on "overall": the user picks the domain when accepting. */
  domain: string | null;
  source: ProposalSource;
  /** Ids of the questionnaire's suggested measures for the domain. */
  suggestedMeasures: string[];
}

/** Open until the user decides; then the decision's status from the file. */
export type ProposalStatus = 'open' | ProposalDecision['status'];

export interface ProposalView extends Proposal {
  status: ProposalStatus;
  /** The dismissal reason, when dismissed. */
  reason: string | null;
  /** The register entry it became, when accepted. */
  riskId: string | null;
  at: string | null;
}

export const answerProposalId = (questionId: string, domain: string) =>
  `answer:${questionId}:${domain}`;
export const redFlagProposalId = (flagId: string) => `redFlag:${flagId}`;

/** The source a proposal id names, read back from the id (also for decisions no longer proposed). */
export function parseProposalId(
  id: string,
):
  | { kind: 'answer'; questionId: string; domain: string }
  | { kind: 'redFlag'; flagId: string }
  | null {
  const parts = id.split(':');
  if (parts[0] === 'answer' && parts.length === 3 && parts[1] && parts[2])
    return { kind: 'answer', questionId: parts[1], domain: parts[2] };
  if (parts[0] === 'redFlag' && parts.length === 2 && parts[1])
    return { kind: 'redFlag', flagId: parts[1] };
  return null;
}

function suggestedFor(q: Questionnaire, domain: string | null): string[] {
  if (domain === null) return [];
  return (q.suggestedMeasures ?? []).filter((m) => m.domain === domain).map((m) => m.id);
}

/** The proposals the current answers make, by the rule above, in a stable order. */
export function computeProposals(q: Questionnaire, result: ScoreResult): Proposal[] {
  const out: Proposal[] = [];
  const flagDefs = new Map((q.redFlags ?? []).map((f, i) => [f.id, i]));
  const share = proposalShare(q);
  const fired = [...result.redFlags].sort(
    (x, y) => (flagDefs.get(x.id) ?? 0) - (flagDefs.get(y.id) ?? 0),
  );
  for (const f of fired.filter((x) => x.domain === OVERALL_DOMAIN)) {
    out.push({
      id: redFlagProposalId(f.id),
      domain: null,
      source: { kind: 'redFlag', flagId: f.id, questions: f.questions },
      suggestedMeasures: [],
    });
  }
  for (const d of q.domains) {
    const flags = fired.filter((x) => x.domain === d.id);
    const covered = new Set(flags.flatMap((f) => f.questions));
    for (const f of flags) {
      out.push({
        id: redFlagProposalId(f.id),
        domain: d.id,
        source: { kind: 'redFlag', flagId: f.id, questions: f.questions },
        suggestedMeasures: suggestedFor(q, d.id),
      });
    }
    for (const entry of result.byDomain[d.id]?.trace ?? []) {
      if (entry.kind !== 'answer' || covered.has(entry.questionId)) continue;
      if (entry.got <= 0 || entry.got < share * entry.max - EPSILON) continue;
      out.push({
        id: answerProposalId(entry.questionId, d.id),
        domain: d.id,
        source: {
          kind: 'answer',
          questionId: entry.questionId,
          options: entry.options,
          got: entry.got,
          max: entry.max,
        },
        suggestedMeasures: suggestedFor(q, d.id),
      });
    }
  }
  return out;
}

/**
 * The current proposals with what the user decided. An "accepted" decision whose risk has since
 * been removed counts as open again (removeRisk also drops it).
 */
export function proposalViews(
  q: Questionnaire,
  a: Assessment,
  result: ScoreResult = score(q, a),
): ProposalView[] {
  const riskIds = new Set(a.register.map((r) => r.id));
  return computeProposals(q, result).map((p) => {
    const d = a.proposals[p.id];
    const linked = a.register.find((r) => r.proposal === p.id);
    if (d?.status === 'dismissed')
      return { ...p, status: 'dismissed', reason: d.reason ?? '', riskId: null, at: d.at };
    if (linked || (d?.status === 'accepted' && d.riskId && riskIds.has(d.riskId))) {
      return {
        ...p,
        status: 'accepted',
        reason: null,
        riskId: linked?.id ?? d?.riskId ?? null,
        at: d?.at ?? null,
      };
    }
    return { ...p, status: 'open', reason: null, riskId: null, at: null };
  });
}

/**
 * The risk each fired red flag was taken into (its proposal accepted, alone or with others), by
 * flag id. Such a flag is answered by that risk: "covered by risk R1" needs no separate text.
 */
export function redFlagRisks(
  q: Questionnaire,
  a: Assessment,
  result: ScoreResult = score(q, a),
): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of proposalViews(q, a, result))
    if (p.source.kind === 'redFlag' && p.status === 'accepted' && p.riskId)
      out.set(p.source.flagId, p.riskId);
  return out;
}

/** A dismissed proposal as the summary and the report list it. */
export interface DismissedProposal {
  id: string;
  title: string;
  domain: string | null;
  reason: string;
  at: string;
  /** False when the current answers no longer make this proposal (the reason is still kept). */
  current: boolean;
}

/** Every dismissal with its reason, also of proposals the answers no longer make. */
export function dismissedProposals(
  q: Questionnaire,
  a: Assessment,
  locale: string,
  result: ScoreResult = score(q, a),
): DismissedProposal[] {
  const current = new Map(computeProposals(q, result).map((p) => [p.id, p]));
  const out: DismissedProposal[] = [];
  for (const [id, d] of Object.entries(a.proposals)) {
    if (d.status !== 'dismissed') continue;
    const p = current.get(id) ?? proposalFromId(q, id);
    out.push({
      id,
      title: p ? proposalTitle(q, p, locale) : id,
      domain: p?.domain ?? null,
      reason: d.reason ?? '',
      at: d.at,
      current: current.has(id),
    });
  }
  return out;
}

/** Rebuilds a proposal from its id alone (for decisions the current answers no longer explain). */
function proposalFromId(q: Questionnaire, id: string): Proposal | null {
  const parsed = parseProposalId(id);
  if (!parsed) return null;
  if (parsed.kind === 'answer') {
    return {
      id,
      domain: parsed.domain,
      source: { kind: 'answer', questionId: parsed.questionId, options: [], got: 0, max: 0 },
      suggestedMeasures: suggestedFor(q, parsed.domain),
    };
  }
  const flag = q.redFlags?.find((f) => f.id === parsed.flagId);
  const domain = flag && flag.domain !== OVERALL_DOMAIN ? flag.domain : null;
  return {
    id,
    domain,
    source: { kind: 'redFlag', flagId: parsed.flagId, questions: [] },
    suggestedMeasures: suggestedFor(q, domain),
  };
}

// ——— Texts (nl/en; the core writes its own sentences so the app, PDF and CLI agree) ———

export const proposalTexts = {
  nl: {
    answerReason:
      'Voorgesteld door het antwoord “{answer}” op “{question}”: {got} van {max} punten voor {domain}.',
    answerReasonOld: 'Voorgesteld door het antwoord op “{question}” ({domain}).',
    flagReason: 'Voorgesteld door de rode vlag “{flag}”{by}.',
    flagBy: ', door de antwoorden op {questions}',
    notAnswered: 'geen antwoord',
    titleAnswer: 'Mogelijk risico voor {domain} door “{answer}”',
    titleDomain: 'Mogelijk risico voor {domain}',
    titleMore: '{first} (en {count} andere)',
    yes: 'ja',
    no: 'nee',
  },
  en: {
    answerReason:
      'Proposed because of the answer “{answer}” to “{question}”: {got} of {max} points for {domain}.',
    answerReasonOld: 'Proposed because of the answer to “{question}” ({domain}).',
    flagReason: 'Proposed because of the red flag “{flag}”{by}.',
    flagBy: ', raised by the answers to {questions}',
    notAnswered: 'no answer',
    titleAnswer: 'Possible risk to {domain} from “{answer}”',
    titleDomain: 'Possible risk to {domain}',
    titleMore: '{first} (and {count} more)',
    yes: 'yes',
    no: 'no',
  },
} as const;

function fill(template: string, params: Record<string, string | number>): string {
  return fillTemplate(template, params, { missing: 'empty' });
}

function optionLabels(q: Questionnaire, questionId: string, options: string[], locale: string) {
  const t = locale === 'nl' ? proposalTexts.nl : proposalTexts.en;
  const question = indexQuestionnaire(q).byId.get(questionId)?.question;
  return options
    .map((o) => {
      if (question?.type === 'yesNo') return o === 'yes' ? t.yes : t.no;
      if (question && 'options' in question)
        return pick(question.options.find((x) => x.id === o)?.label, locale) || o;
      return o;
    })
    .join(', ');
}

/** The first sentence of a text (a red flag's text goes on with advice and its legal basis). */
function firstSentence(text: string): string {
  const m = /^(.+?[.!?])\s+\p{Lu}/u.exec(text);
  return (m ? m[1]! : text).trim();
}

/**
 * The answer's own risk text: of the chosen option that gives this proposal's domain the most
 * points and has a risk text, else of the first chosen option with one.
 */
function optionRisk(q: Questionnaire, p: Proposal, locale: string): string {
  if (p.source.kind !== 'answer') return '';
  const question = indexQuestionnaire(q).byId.get(p.source.questionId)?.question;
  if (!question || !('options' in question)) return '';
  const chosen = p.source.options
    .map((id) => question.options.find((o) => o.id === id))
    .filter((o) => o?.risk !== undefined);
  const domain = p.domain ?? '';
  chosen.sort((x, y) => (y?.points?.[domain] ?? 0) - (x?.points?.[domain] ?? 0));
  return pick(chosen[0]?.risk, locale);
}

/**
 * The proposed risk's title, written as a risk (not as the question that raised it): the
 * questionnaire's risk text for the chosen option, the question or the red flag; without one, the
 * red flag's first sentence, or "Possible risk to <domain>" with the answer. Where it came from is
 * `proposalReason`, shown beside the title and never written into the risk's own text.
 */
export function proposalTitle(q: Questionnaire, p: Proposal, locale: string): string {
  const t = locale === 'nl' ? proposalTexts.nl : proposalTexts.en;
  if (p.source.kind === 'redFlag') {
    const flagId = p.source.flagId;
    const flag = q.redFlags?.find((f) => f.id === flagId);
    return (pick(flag?.risk, locale) || firstSentence(pick(flag?.text, locale)) || flagId).slice(
      0,
      500,
    );
  }
  const question = indexQuestionnaire(q).byId.get(p.source.questionId)?.question;
  const own = optionRisk(q, p, locale) || pick(question?.risk, locale);
  if (own) return own.slice(0, 500);
  const domain = pick(q.domains.find((d) => d.id === p.domain)?.label, locale) || (p.domain ?? '');
  // A yes/no or number answer says nothing on its own ("Possible risk to privacy: yes").
  const answer =
    question && 'options' in question
      ? optionLabels(q, p.source.questionId, p.source.options, locale)
      : '';
  return fill(answer ? t.titleAnswer : t.titleDomain, { domain, answer }).slice(0, 500);
}

/**
 * One title for several proposals taken together: the distinct titles joined when they are
 * short enough to read as one line, else the first with how many more.
 */
export function combinedTitle(titles: readonly string[], locale: string): string {
  const t = locale === 'nl' ? proposalTexts.nl : proposalTexts.en;
  const distinct = [...new Set(titles.map((x) => x.trim().replace(/[.;:]+$/, '')))].filter(
    (x) => x !== '',
  );
  if (distinct.length <= 1) return distinct[0] ?? '';
  const joined = distinct.join('; ');
  if (distinct.length <= 3 && joined.length <= 160) return joined;
  return fill(t.titleMore, { first: distinct[0]!, count: distinct.length - 1 }).slice(0, 500);
}

/** Why the engine proposes it, in a sentence with the points or the red flag and its answers. */
export function proposalReason(q: Questionnaire, p: Proposal, locale: string): string {
  const t = locale === 'nl' ? proposalTexts.nl : proposalTexts.en;
  const questionLabel = (id: string) =>
    indexQuestionnaire(q).byId.has(id) ? questionTitle(q, id, locale) : id;
  if (p.source.kind === 'redFlag') {
    const flagId = p.source.flagId;
    const flag = pick(q.redFlags?.find((f) => f.id === flagId)?.text, locale) || flagId;
    const by = p.source.questions.length
      ? fill(t.flagBy, {
          questions: p.source.questions.map((id) => `“${questionLabel(id)}”`).join(', '),
        })
      : '';
    return fill(t.flagReason, { flag, by });
  }
  const domain = pick(q.domains.find((d) => d.id === p.domain)?.label, locale) || (p.domain ?? '');
  if (p.source.max === 0) {
    return fill(t.answerReasonOld, { question: questionLabel(p.source.questionId), domain });
  }
  return fill(t.answerReason, {
    answer: optionLabels(q, p.source.questionId, p.source.options, locale) || t.notAnswered,
    question: questionLabel(p.source.questionId),
    got: p.source.got,
    max: p.source.max,
    domain,
  });
}

/**
 * The risk form's starting point for one proposal or several taken together as one risk: the
 * title written as a risk (combined for several), an empty description (where the proposal came
 * from is shown beside the form, not written into the team's own text), the common domain (empty
 * when they differ, or for an "overall" red flag), the suggested measures once each as planned
 * measures, and no ratings: the team judges likelihood and severity, the engine does not.
 */
export function proposalDraft(
  q: Questionnaire,
  ps: readonly Proposal[],
  locale: string,
  ids: { riskId: string; measureId: (n: number) => string },
): RiskDraft {
  const domains = [...new Set(ps.map((p) => p.domain))];
  const domain = domains.length === 1 ? (domains[0] ?? null) : null;
  const suggested = [...new Set(ps.flatMap((p) => p.suggestedMeasures))];
  return {
    id: ids.riskId,
    domain: domain ?? '',
    title: combinedTitle(
      ps.map((p) => proposalTitle(q, p, locale)),
      locale,
    ),
    description: '',
    affectedGroups: '',
    likelihood: null,
    severity: null,
    residualLikelihood: null,
    residualSeverity: null,
    measures: suggested.map((sid, n) => ({
      id: ids.measureId(n),
      text: pick(q.suggestedMeasures?.find((m) => m.id === sid)?.text, locale),
      owner: '',
      dueDate: '',
      status: 'planned' as const,
      suggestedMeasure: sid,
    })),
    ...(ps[0] ? { proposal: ps[0].id } : {}),
  };
}

/**
 * Accepts one or more proposals as one risk, as the user edited it: stores the risk (linked by
 * `proposal` to the first) and records an "accepted" decision for each, pointing at the risk.
 * Refused when the draft is invalid or an id is not a proposal id.
 */
export function acceptProposals(
  a: Assessment,
  q: Questionnaire,
  proposalIds: readonly string[],
  draft: RiskDraft,
  at: string,
): Change {
  if (proposalIds.length === 0 || !proposalIds.every((id) => parseProposalId(id))) {
    return { ok: false, problems: [{ path: 'proposal', code: 'unknownProposal' }] };
  }
  const problems = riskProblems(draft, q);
  if (problems.length > 0) return { ok: false, problems };
  const i = a.register.findIndex((r) => r.id === draft.id);
  const item = keepNumber({ ...toRiskItem(draft), proposal: proposalIds[0]! }, a.register[i]);
  const register = i >= 0 ? a.register.with(i, item) : [...a.register, item];
  const proposals = { ...a.proposals };
  for (const id of proposalIds) proposals[id] = { status: 'accepted', riskId: item.id, at };
  return {
    ok: true,
    assessment: withHistory(
      numberRisks({ ...a, register, proposals }, item.id),
      at,
      'proposalAccepted',
      proposalIds.join(', '),
    ),
  };
}

/** Accepts one proposal as a risk (see `acceptProposals`). */
export function acceptProposal(
  a: Assessment,
  q: Questionnaire,
  proposalId: string,
  draft: RiskDraft,
  at: string,
): Change {
  return acceptProposals(a, q, [proposalId], draft, at);
}

/**
 * Dismisses one or more proposals with one reason; the reason is required and is kept with each,
 * for the summary and the report.
 */
export function dismissProposals(
  a: Assessment,
  proposalIds: readonly string[],
  reason: string,
  at: string,
): Change {
  const problems = [];
  if (proposalIds.length === 0 || !proposalIds.every((id) => parseProposalId(id)))
    problems.push({ path: 'proposal', code: 'unknownProposal' as const });
  if (reason.trim() === '') problems.push({ path: 'reason', code: 'reasonRequired' as const });
  if (problems.length > 0) return { ok: false, problems };
  const proposals = { ...a.proposals };
  for (const id of proposalIds) proposals[id] = { status: 'dismissed', reason: reason.trim(), at };
  return {
    ok: true,
    assessment: withHistory({ ...a, proposals }, at, 'proposalDismissed', proposalIds.join(', ')),
  };
}

/** Dismisses one proposal (see `dismissProposals`). */
export function dismissProposal(
  a: Assessment,
  proposalId: string,
  reason: string,
  at: string,
): Change {
  return dismissProposals(a, [proposalId], reason, at);
}

/** Takes a dismissal back: the proposal is open again (its reason is removed with it). */
export function reopenProposal(a: Assessment, proposalId: string, at: string): Assessment {
  if (a.proposals[proposalId]?.status !== 'dismissed') return a;
  const proposals = { ...a.proposals };
  delete proposals[proposalId];
  return withHistory({ ...a, proposals }, at, 'proposalReopened', proposalId);
}
