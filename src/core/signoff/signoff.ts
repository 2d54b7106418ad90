/**
 * Sign-off rules (PRODUCT.md "Signing", level 1): who signs, when signing is blocked, locking, and
 * new versions. Pure: the caller passes ids and times in.
 */
import type { Assessment, SignOff } from '../assessment/assessment-schema';
import { IdSchema, type Questionnaire } from '../questionnaire/questionnaire-schema';
import type { AssessmentStatus } from '../assessment/repository';
import { assessmentHash } from '../assessment/assessment';
import { indexQuestionnaire } from '../questionnaire/questionnaire-index';
import { pick, type LocalizedText } from '../texts/localized';
import { score } from '../scoring/scoring';
import { signOffMessage } from './signoff-messages';

export interface SignOffRole {
  id: string;
  label: LocalizedText;
  /** A required role must sign before the assessment counts as signed. */
  required: boolean;
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
 * it requires (issue 6), and src/core/assessment/summary.ts reads them the same way.
 */
export function signOffRoles(q: Questionnaire): SignOffRole[] {
  const declared = q.signOff?.roles;
  if (!declared) return DEFAULT_ROLES.map((r) => ({ ...r }));
  return declared.map((r) => ({ id: r.id, label: r.label, required: r.required !== false }));
}

/** The declaration the signer agrees to, in the given locale. */
export function signOffDeclaration(q: Questionnaire, locale: string): string {
  return pick(q.signOff?.declaration ?? DEFAULT_DECLARATION, locale);
}

/** Why signing cannot happen yet; each with a plain text through `blockerText`. */
export type SigningBlocker =
  | { code: 'openRequired'; questionId: string; label: LocalizedText }
  | { code: 'redFlagWithoutResponse'; flagId: string; text: LocalizedText }
  | { code: 'missingConclusion' }
  | { code: 'missingReasoning' }
  | { code: 'missingConditions' }
  | { code: 'preparerFirst'; role: LocalizedText }
  | { code: 'unknownRole'; role: string }
  | { code: 'missingName' }
  | { code: 'missingDate' }
  | { code: 'missingSignature' };

/** The blocker as a sentence in the user's language. */
export function blockerText(b: SigningBlocker, locale: string): string {
  switch (b.code) {
    case 'openRequired':
      return signOffMessage(b.code, { label: pick(b.label, locale) }, locale);
    case 'redFlagWithoutResponse':
      return signOffMessage(b.code, { text: pick(b.text, locale) }, locale);
    case 'preparerFirst':
      return signOffMessage(b.code, { role: pick(b.role, locale) }, locale);
    case 'unknownRole':
      return signOffMessage(b.code, { role: b.role }, locale);
    default:
      return signOffMessage(b.code, {}, locale);
  }
}

/**
 * What keeps this assessment from being signed: open required questions, fired red flags without
 * a response, and a missing or incomplete conclusion. With `roleId`, also whether that role may sign
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
  const flagTexts = new Map((q.redFlags ?? []).map((f) => [f.id, f.text]));
  for (const flag of result.redFlags) {
    const response = a.redFlagResponses[flag.id];
    if (response === undefined || response.trim() === '') {
      out.push({
        code: 'redFlagWithoutResponse',
        flagId: flag.id,
        text: flagTexts.get(flag.id) ?? { en: flag.id },
      });
    }
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
    const roles = signOffRoles(q);
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

/** Sign-offs made on the assessment's current version. */
export function currentSignOffs(a: Assessment): SignOff[] {
  return a.signOffs.filter((s) => s.version === a.version);
}

/** Sign-offs of earlier versions: shown as "signed a previous version". */
export function previousSignOffs(a: Assessment): SignOff[] {
  return a.signOffs.filter((s) => s.version < a.version);
}

/** True once the current version has a sign-off: changing it then needs a new version. */
export function isLocked(a: Assessment): boolean {
  return currentSignOffs(a).length > 0;
}

/** What a person signing fills in; the hash, version and declaration are added by `addSignOff`. */
export interface SignOffInput {
  role: string;
  name: string;
  function: string;
  organisation: string;
  /** ISO date (yyyy-mm-dd). */
  date: string;
  place: string;
  signature?: SignOff['signature'];
}

/** Signing refused, with every reason. */
export class SigningBlockedError extends Error {
  constructor(public readonly blockers: SigningBlocker[]) {
    super(blockers.map((b) => blockerText(b, 'en')).join(' '));
    this.name = 'SigningBlockedError';
  }
}

/**
 * Adds a sign-off for the current version. It records the content hash being signed and the
 * declaration in the assessment's language. The hash does not cover sign-offs, so every signer of
 * one version signs the same hash. Throws `SigningBlockedError` when a blocker applies.
 */
export async function addSignOff(
  a: Assessment,
  q: Questionnaire,
  input: SignOffInput,
  opts: { id: string; now: string; locale?: string },
): Promise<Assessment> {
  const blockers = signingBlockers(a, q, input.role);
  if (input.name.trim() === '') blockers.push({ code: 'missingName' });
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

/**
 * Starts a new version after sign-off, before any change is made: the version number goes up (so
 * the content hash changes), earlier sign-offs stay and now show as "signed a previous version".
 */
export function startNewVersion(a: Assessment, opts: { now: string }): Assessment {
  const version = a.version + 1;
  return {
    ...a,
    version,
    updatedAt: opts.now,
    history: [...a.history, { at: opts.now, action: 'newVersion', detail: `v${version}` }],
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
  const roles = signOffRoles(q);
  // The preparer always signs, even when a questionnaire forgot to mark the role required.
  return roles.filter((r, i) => (r.required || i === 0) && !signed.has(r.id));
}
