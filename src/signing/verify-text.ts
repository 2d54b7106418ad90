/**
 * Verification for people: the report of src/signing/verify.ts as plain sentences in the user's
 * language (nl/en), grouped by part. Facts are established in verify.ts; nothing is decided here.
 */
import type { Questionnaire } from '../core/questionnaire';
import { problemText } from '../core/files';
import { checkEmbeddedQuestionnaire } from '../core/questionnaire';
import { embeddedErrorText } from '../pdf/read-embedded';
import { describeChanges, sealSummaryText, signOffSealText } from '../core/assessment';
import { signingText, type SigningMessageCode, type SigningParams } from './messages';
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

function dateTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** The whole report as plain sentences, in the user's language. */
export function reportLines(r: VerifyReport, locale: string, q?: Questionnaire): ReportLine[] {
  const lines: ReportLine[] = [];
  // A valid verdict says plainly when no signer was checked against trusted certificates.
  const untrusted = r.kind === 'pdf' && r.signatures.some((s) => s.trust === 'notChecked');
  // A later update without a signature is never "nothing was changed", even when it changes
  // nothing the pages show.
  const updated = r.kind === 'pdf' && r.changesAfterLastSignature.length > 0;
  const verdict: SigningMessageCode =
    r.status === 'valid'
      ? updated
        ? untrusted
          ? 'verdictValidUpdatedUntrusted'
          : 'verdictValidUpdated'
        : untrusted
          ? 'verdictValidUntrusted'
          : 'verdictValid'
      : r.status === 'failed'
        ? 'verdictFailed'
        : 'verdictUnsigned';
  lines.push({
    part: 'verdict',
    tone: r.status === 'valid' ? 'ok' : r.status === 'failed' ? 'error' : 'warn',
    text: t(verdict, {}, locale),
  });
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
  lines.push(...assessmentLines(r.assessment, locale, q));
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
      t('verifySignatureBroken', { index: s.index, detail: s.brokenDetail ?? '?' }, locale),
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
      at('error', t('verifyNotTrusted', { detail: s.trustDetail ?? '' }, locale));
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

function assessmentLines(a: AssessmentCheck, locale: string, q?: Questionnaire): ReportLine[] {
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
          text: t('verifyAssessmentUnreadable', { detail }, locale),
        },
      ];
    }
    case 'checked': {
      // The embedded questionnaire only names roles and parts here; one the validator refuses is
      // not used for that either, and is reported (core/questionnaire/resolve.ts).
      const embedded = q ? null : checkEmbeddedQuestionnaire(a.assessment);
      const questionnaire = q ?? (embedded?.ok ? embedded.questionnaire : undefined);
      const tone: Tone =
        a.seal.status === 'valid' ? 'ok' : a.seal.status === 'changed' ? 'error' : 'warn';
      const out: ReportLine[] = [
        { part: 'assessment', tone, text: sealSummaryText(a.seal, locale) },
      ];
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
      for (const s of a.seal.signOffs) {
        out.push({
          part: 'assessment',
          tone: s.status === 'valid' ? 'ok' : s.status === 'changed' ? 'error' : 'warn',
          text: signOffSealText(s, a.seal.version, locale, questionnaire),
        });
      }
      if (a.changed?.paths.length) {
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
