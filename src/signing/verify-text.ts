/**
 * Verification for people: the report of src/signing/verify.ts as plain sentences in the user's
 * language (nl/en), grouped by part. Facts are established in verify.ts; nothing is decided here.
 */
import type { Questionnaire } from '../core/questionnaire';
import { problemText } from '../core/files';
import { checkEmbeddedQuestionnaire } from '../core/questionnaire';
import { embeddedErrorText } from '../pdf/read-embedded';
import { describeChanges, sealSummaryText, signOffSealText } from '../core/assessment';
import { roleName } from '../core/texts';
import { signOffRoles } from '../core/signoff';
import {
  signingText,
  type SigningMessageCode,
  type SigningParams,
  type SigningReason,
} from './messages';
import type { RevisionChange } from './revisions';
import type { AssessmentCheck, SignatureReport, VerifyReport } from './verify';

export type Tone = 'ok' | 'warn' | 'error' | 'info';
export interface ReportLine {
  tone: Tone;
  text: string;
  /** Which part of the report the line belongs to, for grouping on screen. */
  part: 'verdict' | 'signature' | 'document' | 'assessment';
  /** Lines that belong to a signature carry its index. */
  signature?: number;
}

const t = (code: SigningMessageCode, params: SigningParams, locale: string) =>
  signingText(code, params, locale);

/** A reason kept as a code (why a signature is broken or a certificate not trusted), in words. */
export function reasonText(r: SigningReason, locale: string): string {
  return signingText(r.code, r.params, locale);
}

function dateTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/**
 * The one plain verdict that leads the report. It distinguishes what was proven: a digital
 * signature that holds and covers everything; one that holds but with changes after it; an
 * internally consistent file without a digital signature (the seal is an unkeyed hash anyone can
 * recompute); a changed or damaged file; an unreadable one. A draft (a required role has not
 * signed) is never shown as plainly valid.
 */
export function verdictLine(r: VerifyReport, locale: string): ReportLine {
  const a = r.assessment;
  const signatures = r.kind === 'pdf' ? r.signatures : r.detached ? [r.detached] : [];
  const untrusted = signatures.some((s) => s.trust === 'notChecked');
  // A later update without a signature is never "nothing was changed", even when it changes
  // nothing the pages show.
  const updated = r.kind === 'pdf' && r.changesAfterLastSignature.length > 0;
  const changedAfter =
    r.kind === 'pdf' &&
    signatures.length > 0 &&
    signatures.every((s) => s.integrity === 'valid') &&
    r.changesAfterLastSignature.some((c) => c.severity === 'content');
  let code: SigningMessageCode;
  let tone: Tone;
  if (r.status === 'failed') {
    tone = 'error';
    if (a.state === 'checked' && a.signedCopy?.state === 'differs') code = 'verdictReplaced';
    else if (a.state === 'checked' && a.signedCopy?.state === 'absent')
      code = 'verdictAttachedAfter';
    else if (signatures.length === 0 && a.state === 'unreadable') code = 'verdictUnreadable';
    else if (changedAfter) code = 'verdictValidChangedAfter';
    else code = 'verdictFailed';
  } else if (r.status === 'valid') {
    tone = 'ok';
    code = updated
      ? untrusted
        ? 'verdictValidUpdatedUntrusted'
        : 'verdictValidUpdated'
      : untrusted
        ? 'verdictValidUntrusted'
        : 'verdictValid';
  } else if (r.status === 'consistent') {
    tone = 'warn';
    code = 'verdictConsistent';
  } else {
    tone = 'warn';
    code = r.kind === 'pdf' && r.structureProblem ? 'verdictUnreadable' : 'verdictUnsigned';
  }
  let text = t(code, {}, locale);
  // Completeness comes first: a draft is a draft, however well its signature holds.
  if (r.status !== 'failed' && a.state === 'checked' && a.missingRoles?.length) {
    const labels = a.missingRoles.map((role) => roleName(role.label, locale));
    const roles = joinAnd(labels, locale);
    text = `${t(labels.length > 1 ? 'verdictDraftMany' : 'verdictDraftOne', { roles }, locale)} ${text}`;
    if (tone === 'ok') tone = 'warn';
  }
  return { part: 'verdict', tone, text };
}

function joinAnd(items: string[], locale: string): string {
  if (items.length <= 1) return items.join('');
  const and = locale === 'nl' ? ' en ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

/** The whole report as plain sentences, in the user's language: the verdict first. */
export function reportLines(r: VerifyReport, locale: string, q?: Questionnaire): ReportLine[] {
  const lines: ReportLine[] = [verdictLine(r, locale)];
  if (r.kind === 'assessment') {
    if (r.detached) lines.push(...signatureLines(r.detached, locale, true));
    else lines.push({ part: 'document', tone: 'info', text: t('verifyNoDetached', {}, locale) });
  }
  if (r.kind === 'pdf') {
    if (r.signatures.length === 0)
      lines.push({ part: 'document', tone: 'info', text: t('verifyNoSignatures', {}, locale) });
    for (const [i, s] of r.signatures.entries())
      lines.push(...signatureLines(s, locale, i === r.signatures.length - 1));
    for (const f of r.emptyFields)
      lines.push({
        part: 'document',
        tone: 'info',
        text: t('verifyEmptyField', { field: f }, locale),
      });
    const content = r.changesAfterLastSignature.filter((c) => c.severity === 'content');
    const meta = r.changesAfterLastSignature.filter((c) => c.severity === 'metadata');
    if (content.length) {
      lines.push({
        part: 'document',
        tone: 'error',
        text: t('verifyModifiedAfter', { changes: changeList(content, locale) }, locale),
      });
    } else if (meta.length) {
      lines.push({
        part: 'document',
        tone: 'info',
        text: t('verifyMetadataAfter', { changes: changeList(meta, locale) }, locale),
      });
    }
    if (r.trailingBytes > 0)
      lines.push({
        part: 'document',
        tone: 'error',
        text: t('verifyTrailingBytes', { count: r.trailingBytes }, locale),
      });
  }
  const covered =
    r.kind === 'pdf'
      ? r.assessment.state === 'checked' && r.assessment.signedCopy?.state === 'same'
      : r.detached?.integrity === 'valid';
  lines.push(...assessmentLines(r.assessment, locale, q, covered, r.kind));
  if (
    r.kind === 'pdf' &&
    r.assessment.state === 'checked' &&
    r.assessment.seal.status === 'valid' &&
    r.signatures.some((s) => s.integrity === 'changed')
  ) {
    lines.push({
      part: 'assessment',
      tone: 'info',
      text: t('verifySealHoldsElsewhere', {}, locale),
    });
  }
  return lines;
}

function changeList(changes: RevisionChange[], locale: string): string {
  return [...new Set(changes.map((c) => t(c.code, c.params, locale)))].join('; ');
}

function signatureLines(s: SignatureReport, locale: string, isLast: boolean): ReportLine[] {
  const out: ReportLine[] = [];
  const signer = s.signer?.name ?? '?';
  const at = (tone: Tone, text: string) =>
    out.push({ part: 'signature', tone, text, signature: s.index });
  if (s.integrity === 'valid')
    at('ok', t('verifySignatureValid', { index: s.index, signer }, locale));
  else if (s.integrity === 'changed') {
    const reg = s.changedRegion;
    const where = !reg
      ? ''
      : reg.afterSignature
        ? t(
            'verifyWhereBetween',
            { previous: reg.afterSignature, from: reg.from, to: reg.to },
            locale,
          )
        : t('verifyWhereFirst', { bytes: reg.to }, locale);
    at('error', t('verifySignatureChanged', { index: s.index, signer, where }, locale).trim());
  } else
    at(
      'error',
      t(
        'verifySignatureBroken',
        { index: s.index, detail: s.brokenReason ? reasonText(s.brokenReason, locale) : '?' },
        locale,
      ),
    );
  if (s.signer) {
    at(
      'info',
      t(
        'verifyCertificate',
        {
          subject: s.signer.subject,
          issuer: s.signer.issuer,
          serial: s.signer.serial,
          from: s.signer.notBefore.slice(0, 10),
          to: s.signer.notAfter.slice(0, 10),
        },
        locale,
      ),
    );
  }
  if (s.signingTime)
    at('info', t('verifySigningTime', { time: dateTime(s.signingTime.iso) }, locale));
  if (s.integrity === 'valid') {
    if (s.trust === 'trusted')
      at('ok', t('verifyTrusted', { anchor: s.trustAnchor ?? '' }, locale));
    else if (s.trust === 'notTrusted')
      at(
        'error',
        t(
          'verifyNotTrusted',
          { detail: s.trustReason ? reasonText(s.trustReason, locale) : '?' },
          locale,
        ),
      );
    else at('warn', t('verifyTrustNotChecked', {}, locale));
  }
  if (s.certValidAtSigning === false) at('warn', t('verifyCertInvalidAtSigning', {}, locale));
  else if (s.certExpiredNow && s.signer)
    at('info', t('verifyCertExpiredNow', { date: s.signer.notAfter.slice(0, 10) }, locale));
  if (s.signingCertificateAttribute === 'mismatch') at('error', t('verifyEssMismatch', {}, locale));
  if (s.coversWholeDocument) at('info', t('verifyCoversAll', {}, locale));
  for (const a of s.signaturesAddedAfter ?? []) {
    if (a.pages.length)
      at(
        'info',
        t('verifySignatureAddedOnPage', { signer: a.signer, page: a.pages.join(', ') }, locale),
      );
    else at('info', t('verifySignatureAddedInvisible', { signer: a.signer }, locale));
  }
  // Changes after the last signature are said once for the document; after an earlier one, here.
  const content = (s.changesAfter ?? []).filter((c) => c.severity === 'content');
  if (content.length && !isLast)
    at('error', t('verifyChangedAfterThis', { changes: changeList(content, locale) }, locale));
  return out;
}

function assessmentLines(
  a: AssessmentCheck,
  locale: string,
  q: Questionnaire | undefined,
  covered: boolean,
  kind: VerifyReport['kind'],
): ReportLine[] {
  switch (a.state) {
    case 'absent':
      return [{ part: 'assessment', tone: 'info', text: t('verifyNoAssessment', {}, locale) }];
    case 'unreadable': {
      const detail = [
        ...(a.embeddedError ? [embeddedErrorText(a.embeddedError, locale)] : []),
        ...a.problems.map((p) => `${p.path ? `${p.path}: ` : ''}${problemText(p, locale)}`),
      ].join(' ');
      return [
        {
          part: 'assessment',
          tone: 'error',
          text: t(
            kind === 'pdf' ? 'verifyAssessmentUnreadable' : 'verifyFileUnreadable',
            { detail },
            locale,
          ),
        },
      ];
    }
    case 'checked': {
      // The embedded questionnaire only names roles and parts here; one the validator refuses is
      // not used for that either, and is reported (core/questionnaire/resolve.ts).
      const embedded = q || a.questionnaire ? null : checkEmbeddedQuestionnaire(a.assessment);
      const questionnaire =
        q ?? a.questionnaire ?? (embedded?.ok ? embedded.questionnaire : undefined);
      const out: ReportLine[] = [];
      const copy = a.signedCopy;
      if (copy?.state === 'differs') {
        const parts = describeChanges(copy.paths, copy.signed, a.assessment, locale, questionnaire);
        out.push({
          part: 'assessment',
          tone: 'error',
          text: t(
            'verifyCopyDiffers',
            { index: copy.signature, parts: parts.map((c) => c.text).join('; ') || '?' },
            locale,
          ),
        });
      } else if (copy?.state === 'absent') {
        out.push({ part: 'assessment', tone: 'error', text: t('verifyCopyAbsent', {}, locale) });
      } else if (copy?.state === 'same') {
        out.push({
          part: 'assessment',
          tone: 'ok',
          text: t('verifyCopySame', { index: copy.signature }, locale),
        });
      }
      const tone: Tone =
        a.seal.status === 'valid'
          ? covered
            ? 'ok'
            : 'warn'
          : a.seal.status === 'changed'
            ? 'error'
            : 'warn';
      out.push({ part: 'assessment', tone, text: sealSummaryText(a.seal, locale, covered) });
      if (embedded && !embedded.ok) {
        out.push({
          part: 'assessment',
          tone: 'error',
          text: embedded.problems
            .slice(0, 4)
            .map((p, i) => (i > 0 && p.path ? `${p.path}: ` : '') + problemText(p, locale))
            .join(' '),
        });
      }
      const earlier = a.seal.signOffs.filter(
        (s) => s.status === 'previousVersion' && s.record !== 'altered',
      );
      for (const s of a.seal.signOffs) {
        if (earlier.includes(s)) continue;
        out.push({
          part: 'assessment',
          tone:
            s.status === 'changed' || s.record === 'altered'
              ? 'error'
              : s.record === 'unchained'
                ? 'warn'
                : 'ok',
          text: signOffSealText(s, a.seal.version, locale, questionnaire),
        });
      }
      // Sign-offs of earlier versions: one compact line, not one warning each.
      if (earlier.length > 0) {
        const who = earlier.map((s) =>
          t(
            'verifyEarlierOne',
            {
              name: s.signOff.name,
              role: roleLabel(s.signOff.role, questionnaire, locale),
              version: s.signOff.version,
            },
            locale,
          ),
        );
        const unchained = earlier.some((s) => s.record === 'unchained');
        out.push({
          part: 'assessment',
          tone: 'info',
          text:
            t('verifyEarlierVersions', { current: a.seal.version, list: who.join('; ') }, locale) +
            (unchained ? ` ${t('verifyEarlierUnchained', {}, locale)}` : ''),
        });
      }
      if (a.changed?.paths.length && copy?.state !== 'differs') {
        const parts = describeChanges(
          a.changed.paths,
          a.changed.signed,
          a.assessment,
          locale,
          questionnaire,
        );
        out.push({
          part: 'assessment',
          tone: 'error',
          text: t('verifySealChangedWhere', { parts: parts.map((c) => c.text).join('; ') }, locale),
        });
      }
      return out;
    }
  }
}

function roleLabel(id: string, q: Questionnaire | undefined, locale: string): string {
  const role = q ? signOffRoles(q).find((r) => r.id === id) : undefined;
  return role ? roleName(role.label, locale) : id;
}
