/**
 * Sign-off rules (docs/signing.md, level 1): who signs, when signing is blocked, locking, and
 * new versions. Pure: the caller passes ids and times in.
 */
import type { Assessment, SignOff, SignOffPerson } from '../assessment/assessment-schema';
import { IdSchema, type Questionnaire } from '../questionnaire/questionnaire-schema';
import type { AssessmentStatus } from '../assessment/repository';
import { assessmentHash } from '../assessment/assessment';
import { closeVersion } from '../assessment/versions';
import { indexQuestionnaire } from '../questionnaire/questionnaire-index';
import { pick, roleName, type LocalizedText } from '../texts/localized';
import { score, type ScoringInput } from '../scoring/scoring';
import { levelObligations } from '../scoring/obligations';
import { signOffMessage } from './signoff-messages';
import { signOffChainHash } from './signoff-chain';
import { proposalTitle, proposalViews, redFlagRisks } from '../register/proposals';
import { unconfirmedCarried } from '../assessment/carry';

export interface SignOffRole {
  id: string;
  label: LocalizedText;
  /** A required role must sign before the assessment counts as signed. */
  required: boolean;
  /** True when the role is required only because of the final overall level's obligations. */
  byLevel?: boolean;
}

/** Roles used when a questionnaire declares none: one preparer, one approver. */
export const DEFAULT_ROLES: readonly SignOffRole[] = [
  { id: 'preparer', label: { nl: 'opsteller', en: 'preparer' }, required: true },
  { id: 'approver', label: { nl: 'goedkeurder', en: 'approver' }, required: true },
];

export const DEFAULT_DECLARATION: LocalizedText = {
  nl: 'Ik verklaar dat deze beoordeling naar waarheid en naar beste weten is ingevuld, en dat ik de conclusie onderschrijf voor zover die mijn rol betreft.',
  en: 'I declare that this assessment has been completed truthfully and to the best of my knowledge, and that I endorse its conclusion as far as my role is concerned.',
};

/**
 * The roles that sign, in order. The first role is the preparer, who signs first in each version.
 * A declared role is required unless it says `required: false`: the questionnaire lists the roles
 * it requires, and src/core/assessment/summary.ts reads them the same way.
 *
 * With the assessment, a role is also required when the final overall level lists it under
 * `requiredRoles` (docs/scoring.md §14): "very high" may need the approver, for instance. Every
 * rule that asks which roles are required (status, blockers, the report) passes the assessment.
 */
export function signOffRoles(q: Questionnaire, a?: ScoringInput): SignOffRole[] {
  const declared = q.signOff?.roles;
  if (!declared) return DEFAULT_ROLES.map((r) => ({ ...r }));
  const byLevel = new Set(a ? (levelObligations(q, score(q, a))?.requiredRoles ?? []) : []);
  return declared.map((r) => ({
    id: r.id,
    label: r.label,
    required: r.required !== false || byLevel.has(r.id),
    ...(r.required === false && byLevel.has(r.id) ? { byLevel: true } : {}),
  }));
}

/** The declaration the signer agrees to, in the given locale. */
export function signOffDeclaration(q: Questionnaire, locale: string): string {
  return pick(q.signOff?.declaration ?? DEFAULT_DECLARATION, locale);
}

/** Why signing cannot happen yet; each with a plain text through `blockerText`. */
export type SigningBlocker =
  | { code: 'openRequired'; questionId: string; label: LocalizedText }
  | { code: 'unconfirmedCarried'; questionId: string; label: LocalizedText }
  | { code: 'redFlagWithoutResponse'; flagId: string; text: LocalizedText }
  | { code: 'missingConclusion' }
  | { code: 'missingReasoning' }
  | { code: 'missingConditions' }
  | { code: 'openProposal'; proposalId: string; title: LocalizedText }
  | { code: 'preparerFirst'; role: LocalizedText }
  | { code: 'unknownRole'; role: string }
  | { code: 'missingName' }
  | { code: 'missingDate' }
  | { code: 'missingSignature' }
  | { code: 'alreadySigned'; name: string; role: LocalizedText };

/** The blocker as a sentence in the user's language. */
export function blockerText(b: SigningBlocker, locale: string): string {
  switch (b.code) {
    case 'openRequired':
    case 'unconfirmedCarried':
      return signOffMessage(b.code, { label: pick(b.label, locale) }, locale);
    case 'redFlagWithoutResponse':
      return signOffMessage(b.code, { text: pick(b.text, locale) }, locale);
    case 'openProposal':
      return signOffMessage(b.code, { title: pick(b.title, locale) }, locale);
    case 'preparerFirst':
      return signOffMessage(b.code, { role: roleName(b.role, locale) }, locale);
    case 'unknownRole':
      return signOffMessage(b.code, { role: b.role }, locale);
    case 'alreadySigned':
      return signOffMessage(b.code, { name: b.name, role: roleName(b.role, locale) }, locale);
    default:
      return signOffMessage(b.code, {}, locale);
  }
}

/**
 * What keeps this assessment from being signed: open required questions, fired red flags without
 * a response, proposed risks nobody has handled (accepted into the register, taken into a risk
 * with others, or dismissed with a reason), and a missing or incomplete conclusion. With `roleId`, also whether that role may sign
 * now (the preparer signs first in each version).
 */
export function signingBlockers(
  a: Assessment,
  q: Questionnaire,
  roleId?: string,
): SigningBlocker[] {
  const out: SigningBlocker[] = [];
  const result = score(q, a);
  const index = indexQuestionnaire(q);
  for (const id of result.openRequired) {
    out.push({
      code: 'openRequired',
      questionId: id,
      label: index.byId.get(id)?.question.label ?? { en: id },
    });
  }
  // A carried answer nobody confirmed is the other assessment's answer, not a reviewed one.
  for (const id of unconfirmedCarried(a, q)) {
    out.push({
      code: 'unconfirmedCarried',
      questionId: id,
      label: index.byId.get(id)?.question.label ?? { en: id },
    });
  }
  const flagTexts = new Map((q.redFlags ?? []).map((f) => [f.id, f.text]));
  // A flag taken into the register is answered by that risk (its ratings and measures).
  const covered = redFlagRisks(q, a, result);
  for (const flag of result.redFlags) {
    const response = a.redFlagResponses[flag.id];
    if ((response === undefined || response.trim() === '') && !covered.has(flag.id)) {
      out.push({
        code: 'redFlagWithoutResponse',
        flagId: flag.id,
        text: flagTexts.get(flag.id) ?? { en: flag.id },
      });
    }
  }
  for (const p of proposalViews(q, a, result)) {
    if (p.status !== 'open') continue;
    out.push({
      code: 'openProposal',
      proposalId: p.id,
      title: { nl: proposalTitle(q, p, 'nl'), en: proposalTitle(q, p, 'en') },
    });
  }
  const c = a.conclusion;
  if (!c) out.push({ code: 'missingConclusion' });
  else {
    if (c.reasoning.trim() === '') out.push({ code: 'missingReasoning' });
    if (c.decision === 'proceedWithConditions' && !c.conditions.some((t) => t.trim() !== '')) {
      out.push({ code: 'missingConditions' });
    }
  }
  if (roleId !== undefined) {
    const roles = signOffRoles(q, a);
    const role = roles.find((r) => r.id === roleId);
    if (!role) out.push({ code: 'unknownRole', role: roleId });
    else {
      const preparer = roles[0]!;
      const current = currentSignOffs(a);
      if (role.id !== preparer.id && !current.some((s) => s.role === preparer.id)) {
        out.push({ code: 'preparerFirst', role: preparer.label });
      }
    }
  }
  return out;
}

/** True for a record that withdraws an earlier sign-off (not a signature itself). */
export function isWithdrawal(s: SignOff): boolean {
  return s.withdraws !== undefined;
}

/** The signatures that stand: every sign-off that is not a withdrawal and was not withdrawn. */
export function standingSignOffs(a: Assessment): SignOff[] {
  const withdrawn = new Set(a.signOffs.map((s) => s.withdraws).filter((id) => id !== undefined));
  return a.signOffs.filter((s) => !isWithdrawal(s) && !withdrawn.has(s.id));
}

/** Sign-offs made on the assessment's current version (withdrawn ones left out). */
export function currentSignOffs(a: Assessment): SignOff[] {
  return standingSignOffs(a).filter((s) => s.version === a.version);
}

/** Sign-offs of earlier versions: shown as "signed a previous version". */
export function previousSignOffs(a: Assessment): SignOff[] {
  return standingSignOffs(a).filter((s) => s.version < a.version);
}

/** A withdrawn sign-off with the record that withdrew it (reason, who, when). */
export interface WithdrawnSignOff {
  signOff: SignOff;
  withdrawal: SignOff;
}

/** Every withdrawn sign-off, in the order of withdrawal. Nothing is ever removed from the record. */
export function withdrawnSignOffs(a: Assessment): WithdrawnSignOff[] {
  const byId = new Map(a.signOffs.map((s) => [s.id, s]));
  const out: WithdrawnSignOff[] = [];
  for (const w of a.signOffs) {
    const signOff = w.withdraws !== undefined ? byId.get(w.withdraws) : undefined;
    if (signOff) out.push({ signOff, withdrawal: w });
  }
  return out;
}

/**
 * The role the next person signs in, read from the record (never from what the screen showed
 * before): the first required role without a signature on this version, else the first optional
 * one, else the first role.
 */
export function nextRoleToSign(a: Assessment, q: Questionnaire): string {
  const roles = signOffRoles(q, a);
  const signed = new Set(currentSignOffs(a).map((s) => s.role));
  const missing = missingRoles(a, q);
  return (missing[0] ?? roles.find((r) => !signed.has(r.id)) ?? roles[0]!).id;
}

const sameName = (x: string, y: string) =>
  x.trim().replace(/\s+/g, ' ').toLocaleLowerCase() ===
  y.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** `alreadySigned` when this person has a standing signature in this role on this version. */
export function sameSignerBlocker(
  a: Assessment,
  q: Questionnaire,
  roleId: string,
  name: string,
): SigningBlocker | null {
  if (name.trim() === '') return null;
  const twice = currentSignOffs(a).find((s) => s.role === roleId && sameName(s.name, name));
  if (!twice) return null;
  const role = signOffRoles(q).find((r) => r.id === roleId);
  return { code: 'alreadySigned', name: twice.name, role: role?.label ?? { en: roleId } };
}

/** True once the current version has a sign-off: changing it then needs a new version. */
export function isLocked(a: Assessment): boolean {
  return currentSignOffs(a).length > 0;
}

/** What a person signing fills in; the hash, version and declaration are added by `addSignOff`. */
export type SignOffInput = SignOffPerson & { signature?: SignOff['signature'] };

/** Signing refused, with every reason. */
export class SigningBlockedError extends Error {
  constructor(public readonly blockers: SigningBlocker[]) {
    super(blockers.map((b) => blockerText(b, 'en')).join(' '));
    this.name = 'SigningBlockedError';
  }
}

/**
 * Adds a sign-off for the current version. It records the content hash being signed, the
 * declaration in the assessment's language, and a chain hash over its own fields and the sign-off
 * before it (src/core/signoff/signoff-chain.ts). The content hash does not cover sign-offs, so every
 * signer of one version signs the same content hash. Throws `SigningBlockedError` when a blocker applies.
 */
export async function addSignOff(
  a: Assessment,
  q: Questionnaire,
  input: SignOffInput,
  opts: { id: string; now: string; locale?: string },
): Promise<Assessment> {
  const blockers = signingBlockers(a, q, input.role);
  if (input.name.trim() === '') blockers.push({ code: 'missingName' });
  const twice = sameSignerBlocker(a, q, input.role, input.name);
  if (twice) blockers.push(twice);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) blockers.push({ code: 'missingDate' });
  if (!input.signature || input.signature.data.trim() === '') {
    blockers.push({ code: 'missingSignature' });
  }
  if (blockers.length > 0) throw new SigningBlockedError(blockers);
  // A bad id would make the whole assessment unreadable later (the file schema refuses it).
  if (!IdSchema.safeParse(opts.id).success) throw new Error(`Invalid sign-off id "${opts.id}"`);
  const locale = opts.locale ?? a.meta.locale;
  const signOff: SignOff = {
    id: opts.id,
    role: input.role,
    name: input.name.trim(),
    function: input.function.trim(),
    organisation: input.organisation.trim(),
    date: input.date,
    place: input.place.trim(),
    declaration: signOffDeclaration(q, locale),
    ...(input.signature ? { signature: input.signature } : {}),
    contentHash: await assessmentHash(a),
    version: a.version,
    at: opts.now,
  };
  signOff.chainHash = await signOffChainHash(signOff, a.signOffs[a.signOffs.length - 1]);
  return {
    ...a,
    signOffs: [...a.signOffs, signOff],
    updatedAt: opts.now,
    history: [
      ...a.history,
      { at: opts.now, action: 'signed', detail: `${input.role}: ${signOff.name} (v${a.version})` },
    ],
  };
}

/** What withdrawing needs: whose sign-off, the name typed again, and why. */
export interface WithdrawInput {
  signOffId: string;
  /** The signer's name as typed now: it must be the name on the sign-off (their own). */
  name: string;
  reason: string;
  /** ISO date (yyyy-mm-dd) of the withdrawal. */
  date: string;
}

/** Withdrawing refused, with a plain message. */
export class WithdrawRefusedError extends Error {
  constructor(
    public readonly code: 'withdrawNotFound' | 'withdrawNotOwn' | 'withdrawNoReason',
    public readonly signerName = '',
  ) {
    super(signOffMessage(code, { name: signerName }, 'en'));
    this.name = 'WithdrawRefusedError';
  }

  text(locale: string): string {
    return signOffMessage(this.code, { name: this.signerName }, locale);
  }
}

/**
 * A signer withdraws their own sign-off of the current version, with a reason. The sign-off stays
 * in the record; a new record after it says who withdrew it, when and why (shown in the app and
 * the PDF), and the history says so too. The role is then open again for this version.
 */
export async function withdrawSignOff(
  a: Assessment,
  input: WithdrawInput,
  opts: { id: string; now: string; locale?: string },
): Promise<Assessment> {
  const target = currentSignOffs(a).find((s) => s.id === input.signOffId);
  if (!target) throw new WithdrawRefusedError('withdrawNotFound');
  if (!sameName(target.name, input.name)) {
    throw new WithdrawRefusedError('withdrawNotOwn', target.name);
  }
  if (input.reason.trim() === '') throw new WithdrawRefusedError('withdrawNoReason');
  if (!IdSchema.safeParse(opts.id).success) throw new Error(`Invalid sign-off id "${opts.id}"`);
  const locale = opts.locale ?? a.meta.locale;
  const withdrawal: SignOff = {
    id: opts.id,
    role: target.role,
    name: target.name,
    function: target.function,
    organisation: target.organisation,
    date: /^\d{4}-\d{2}-\d{2}$/.test(input.date) ? input.date : opts.now.slice(0, 10),
    place: '',
    declaration: signOffMessage('withdrawDeclaration', { name: target.name }, locale),
    contentHash: await assessmentHash(a),
    version: a.version,
    at: opts.now,
    withdraws: target.id,
    reason: input.reason.trim(),
  };
  // In the chain like every record: removing or editing a withdrawal breaks it.
  withdrawal.chainHash = await signOffChainHash(withdrawal, a.signOffs[a.signOffs.length - 1]);
  return {
    ...a,
    signOffs: [...a.signOffs, withdrawal],
    updatedAt: opts.now,
    history: [
      ...a.history,
      {
        at: opts.now,
        action: 'signOffWithdrawn',
        detail: `${target.role}: ${target.name} (v${a.version}): ${withdrawal.reason}`.slice(
          0,
          2000,
        ),
      },
    ],
  };
}

/**
 * Starts a new version after sign-off, before any change is made: the version number goes up (so
 * the content hash changes), earlier sign-offs stay and now show as "signed a previous version".
 * The version being closed is kept as a record with the reason for the new one and its signed
 * content (src/core/assessment/versions.ts), so its sign-offs stay checkable and the report can
 * say what changed since.
 */
export function startNewVersion(a: Assessment, opts: { now: string; reason?: string }): Assessment {
  const version = a.version + 1;
  const reason = (opts.reason ?? '').trim();
  const record = closeVersion(a, opts.now, reason);
  return {
    ...a,
    version,
    updatedAt: opts.now,
    versions: [...(a.versions ?? []), record],
    history: [
      ...a.history,
      {
        at: opts.now,
        action: 'newVersion',
        detail: (reason ? `v${version}: ${reason}` : `v${version}`).slice(0, 2000),
      },
    ],
  };
}

/** Library status: draft (no sign-off on this version), in review, or signed by every required role. */
export function signOffStatus(a: Assessment, q: Questionnaire): AssessmentStatus {
  const current = currentSignOffs(a);
  if (current.length === 0) return 'draft';
  return missingRoles(a, q).length === 0 ? 'signed' : 'inReview';
}

/** Required roles that have not signed the current version yet, in order. */
export function missingRoles(a: Assessment, q: Questionnaire): SignOffRole[] {
  const signed = new Set(currentSignOffs(a).map((s) => s.role));
  const roles = signOffRoles(q, a);
  // The preparer always signs, even when a questionnaire forgot to mark the role required.
  return roles.filter((r, i) => (r.required || i === 0) && !signed.has(r.id));
}
