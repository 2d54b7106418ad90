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
import { roleName } from '../../texts/localized';
import { formatDay } from '../report-format';
import type { ReportContext } from '../report-context';
import type { ReportModel, ReportOptions, ReportSignOffEntry } from '../report-model';

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
  const roles = signOffRoles(q);
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
    previous: previousSignOffs(a).map(entry),
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
