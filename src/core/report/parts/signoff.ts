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
import { pick } from '../../texts/localized';
import { formatDay } from '../report-format';
import type { ReportContext } from '../report-context';
import type { ReportModel, ReportSignOffEntry } from '../report-model';

/** Signed only when the sign-off rules say so and the seal holds. */
export function reportStatus(ctx: ReportContext, seal: SealResult): ReportModel['status'] {
  const statusCode = signOffStatus(ctx.a, ctx.q);
  const signed = statusCode === 'signed' && seal.status === 'valid';
  const label = ctx.t(
    signed ? 'statusSigned' : statusCode === 'inReview' ? 'statusInReview' : 'statusDraft',
  );
  return { code: signed ? 'signed' : statusCode, label, signed };
}

export function signOffPart(
  ctx: ReportContext,
  seal: SealResult,
  signed: boolean,
): ReportModel['signOff'] {
  const { a, q, lang, t } = ctx;
  const roles = signOffRoles(q);
  const sealOf = new Map(seal.signOffs.map((s) => [s.signOff, s.status]));
  const entry = (s: Assessment['signOffs'][number]): ReportSignOffEntry => {
    const sealStatus = sealOf.get(s) ?? 'changed';
    const role = roles.find((r) => r.id === s.role);
    return {
      role: role ? pick(role.label, lang) : s.role,
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
    statusText: sealSummaryText(seal, lang),
    declaration: signOffDeclaration(q, lang),
    roles: roles.map((r, i) => ({
      label: pick(r.label, lang),
      // The preparer always signs (signoff.ts), even when not marked required.
      required: r.required || i === 0,
      entries: current.filter((s) => s.role === r.id).map(entry),
    })),
    other: current.filter((s) => !roleIds.has(s.role)).map(entry),
    previous: previousSignOffs(a).map(entry),
    withdrawn: withdrawnSignOffs(a).map(({ signOff: s, withdrawal: w }) =>
      t('signOffWithdrawnEntry', {
        name: s.name,
        role: pick(roles.find((r) => r.id === s.role)?.label, lang) || s.role,
        version: s.version,
        signed: s.date ? formatDay(s.date, lang) : '—',
        withdrawn: w.date ? formatDay(w.date, lang) : '—',
        reason: w.reason ?? '',
      }),
    ),
  };
}
