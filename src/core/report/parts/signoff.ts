/**
 * The status of the report (draft, in review, signed) and the sign-off part: the declaration, the
 * sign-offs per role with whether the signed content is unchanged, other roles, and earlier versions.
 */
import type { Assessment } from '../../assessment/assessment-schema';
import { sealSummaryText, type SealResult } from '../../assessment/seal';
import {
  currentSignOffs,
  previousSignOffs,
  signOffDeclaration,
  signOffRoles,
  signOffStatus,
  withdrawnSignOffs,
} from '../../signoff/signoff';
import { versionChanges, type RiskRatingField } from '../../signoff/versions';
import { roleName } from '../../texts/localized';
import { formatDay } from '../report-format';
import type { ReportContext } from '../report-context';
import type { ReportModel, ReportOptions, ReportSignOffEntry } from '../report-model';
import type { ReportTextKey } from '../report-texts';

/** Signed only when the sign-off rules say so and the seal holds. */
export function reportStatus(ctx: ReportContext, seal: SealResult): ReportModel['status'] {
  const statusCode = signOffStatus(ctx.a, ctx.q);
  const signed = statusCode === 'signed' && seal.status === 'valid';
  const label = ctx.t(
    signed ? 'statusSigned' : statusCode === 'inReview' ? 'statusInReview' : 'statusDraft',
  );
  return { code: signed ? 'signed' : statusCode, label, signed };
}

/**
 * The seal's verdict as the PDF prints it. The page is drawn before any digital signature is
 * added, so a holding seal is said as what was true when the PDF was made (internally consistent)
 * and the proof of "unchanged since" and "who" is left to a digital signature — words that stay
 * true whether or not the PDF is signed afterwards, and never contradict that signature.
 */
function sealAtPrint(
  ctx: ReportContext,
  seal: SealResult,
  digitalSignature: ReportOptions['digitalSignature'],
): string {
  if (seal.status !== 'valid') return sealSummaryText(seal, ctx.lang);
  return ctx.t(
    digitalSignature === 'now'
      ? 'signOffSealAtPrintSigning'
      : digitalSignature === 'fields'
        ? 'signOffSealAtPrintFields'
        : 'signOffSealAtPrint',
  );
}

export function signOffPart(
  ctx: ReportContext,
  seal: SealResult,
  signed: boolean,
  digitalSignature?: ReportOptions['digitalSignature'],
): ReportModel['signOff'] {
  const { a, q, lang, t } = ctx;
  const roles = signOffRoles(q, a);
  const sealOf = new Map(seal.signOffs.map((s) => [s.signOff, s.status]));
  const entry = (s: Assessment['signOffs'][number]): ReportSignOffEntry => {
    const sealStatus = sealOf.get(s) ?? 'changed';
    const role = roles.find((r) => r.id === s.role);
    return {
      role: role ? roleName(role.label, lang) : s.role,
      name: s.name,
      function: s.function,
      organisation: s.organisation,
      date: s.date ? formatDay(s.date, lang) : '',
      place: s.place,
      declaration: s.declaration,
      signature: !s.signature
        ? { kind: 'none', text: t('signOffSignatureNone') }
        : s.signature.kind === 'typed'
          ? { kind: 'typed', text: t('signOffSignatureTyped', { name: s.signature.data }) }
          : { kind: 'drawn', text: t('signOffSignatureDrawn'), dataUrl: s.signature.data },
      contentHash: s.contentHash,
      version: s.version,
      seal: sealStatus,
      sealText: t(sealStatus === 'valid' ? 'signOffSealMatches' : 'signOffSealDiffers'),
    };
  };
  const current = currentSignOffs(a);
  const roleIds = new Set(roles.map((r) => r.id));
  return {
    signed,
    statusText: sealAtPrint(ctx, seal, digitalSignature),
    declaration: signOffDeclaration(q, lang),
    roles: roles.map((r, i) => ({
      label: roleName(r.label, lang),
      // The preparer always signs (signoff.ts), even when not marked required.
      required: r.required || i === 0,
      entries: current.filter((s) => s.role === r.id).map(entry),
    })),
    other: current.filter((s) => !roleIds.has(s.role)).map(entry),
    previous: previousSignOffs(a).map((s) => {
      const copy = seal.signOffs.find((x) => x.signOff === s)?.versionCopy ?? 'none';
      return {
        version: s.version,
        role: roleName(roles.find((r) => r.id === s.role)?.label, lang) || s.role,
        name: s.name,
        date: s.date ? formatDay(s.date, lang) : '',
        hash: `${s.contentHash.slice(0, 16)}…`,
        check: t(
          copy === 'matches'
            ? 'versionCopyMatches'
            : copy === 'differs'
              ? 'versionCopyDiffers'
              : 'versionCopyNone',
          { version: s.version },
        ),
      };
    }),
    versions: (a.versions ?? []).map((v) =>
      t(v.reason ? 'versionStarted' : 'versionStartedNoReason', {
        version: v.version + 1,
        at: ctx.moment(v.at),
        reason: v.reason,
      }),
    ),
    changes: changesSince(ctx),
    withdrawn: withdrawnSignOffs(a).map(({ signOff: s, withdrawal: w }) =>
      t('signOffWithdrawnEntry', {
        name: s.name,
        role: roleName(roles.find((r) => r.id === s.role)?.label, lang) || s.role,
        version: s.version,
        signed: s.date ? formatDay(s.date, lang) : '—',
        withdrawn: w.date ? formatDay(w.date, lang) : '—',
        reason: w.reason ?? '',
      }),
    ),
  };
}

/** "What changed since version n": the parts and the levels that differ, or that nothing did. */
function changesSince(ctx: ReportContext): ReportModel['signOff']['changes'] {
  const { a, q, lang, t } = ctx;
  if (a.version <= 1) return null;
  const c = versionChanges(a, q, lang);
  if (!c)
    return {
      title: t('changesTitle', { version: a.version - 1 }),
      lines: [t('changesNoCopy', { version: a.version - 1 })],
    };
  const lines = [
    ...c.levels.map((l) => t('changesLevel', l)),
    ...c.parts.map((p) => capitalise(p)),
    // Inside a changed risk: which rating moved ("R1 “…”: Likelihood 3 → 4, Severity 4 → 5").
    ...c.ratings.map((r) =>
      t('changesRatings', {
        risk: r.risk,
        title: r.title,
        changes: r.changes
          .map((x) =>
            t('changesRating', {
              rating: t(RATING_KEY[x.rating]),
              before: x.before,
              after: x.after,
            }),
          )
          .join(', '),
      }),
    ),
  ];
  return {
    title: t('changesTitle', { version: c.since }),
    lines: lines.length > 0 ? lines : [t('changesNone')],
  };
}

const RATING_KEY: Record<RiskRatingField, ReportTextKey> = {
  likelihood: 'changesRatingLikelihood',
  severity: 'changesRatingSeverity',
  residualLikelihood: 'changesRatingResidualLikelihood',
  residualSeverity: 'changesRatingResidualSeverity',
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
