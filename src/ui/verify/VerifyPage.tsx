import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyReport } from '../../signing/verify';
import type { ReportLine } from '../../signing/verify-text';
import { pick } from '../../core/texts';
import { fileSizeProblem } from '../../core/files';
import { problemText } from '../../core/files';
import { SigningError } from '../../signing/messages';
import { PageHeading } from '../components/PageHeading';
import '../signing/signing.css';

interface Checked {
  fileName: string;
  report: VerifyReport;
}

const MARKS: Record<ReportLine['tone'], string> = { ok: '✓', warn: '!', error: '✗', info: 'i' };

/**
 * `#/verify`: drop or choose a PDF or assessment file, optionally trusted certificates, and read
 * what was checked. The verification code loads when a file is chosen.
 */
export default function VerifyPage() {
  const { t, i18n } = useTranslation('signing');
  const [file, setFile] = useState<File[]>([]);
  const [trusted, setTrusted] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Checked | null>(null);
  const [error, setError] = useState('');
  const [over, setOver] = useState(false);
  const resultRef = useRef<HTMLHeadingElement>(null);

  const run = useRef(0);

  /** Checks a file; started by the user's choice (file or trusted certificates), not by an effect. */
  async function check(chosen: File[], trust: File[]) {
    setFile(chosen);
    setTrusted(trust);
    // A detached signature (.p7s) may be chosen together with the assessment file it signs.
    const isSignature = (x: File) => /\.p7s$/i.test(x.name);
    const f = chosen.find((x) => !isSignature(x)) ?? null;
    const sig = chosen.find(isSignature);
    if (!f) return;
    const mine = ++run.current;
    setBusy(true);
    setError('');
    try {
      // Too large to read into memory: refused before reading (src/core/files/limits.ts).
      const tooLarge =
        fileSizeProblem('pdf', f.size) ??
        (sig ? fileSizeProblem('certificate', sig.size) : null) ??
        trust.map((x) => fileSizeProblem('certificate', x.size)).find((p) => p !== null);
      if (tooLarge) throw new Error(problemText(tooLarge, i18n.language));
      const { verifyFile } = await import('../../signing/verify');
      const bytes = new Uint8Array(await f.arrayBuffer());
      const anchors = await Promise.all(
        trust.map(async (x) => new Uint8Array(await x.arrayBuffer())),
      );
      const detachedSignature = sig ? new Uint8Array(await sig.arrayBuffer()) : undefined;
      const report = await verifyFile(bytes, {
        trusted: anchors,
        // Roles and their names for a file of a built-in questionnaire (it embeds no copy).
        questionnaires: {
          byId: async (id) => {
            const { builtinQuestionnairesWithIds } = await import('../questionnaires');
            return (await builtinQuestionnairesWithIds([id])).map((data) => ({ data }));
          },
        },
        ...(detachedSignature ? { detachedSignature } : {}),
      });
      if (mine === run.current) setResult({ fileName: f.name, report });
    } catch (e) {
      if (mine === run.current) {
        setResult(null);
        const detail =
          e instanceof SigningError
            ? e.text(i18n.language)
            : e instanceof Error
              ? e.message
              : String(e);
        setError(t('verify.readError', { detail }));
      }
    } finally {
      if (mine === run.current) setBusy(false);
    }
  }

  // Move focus to the result once it is there, so screen-reader users hear it first.
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  return (
    <div className="stack verify">
      <PageHeading title={t('verify.title')}>{t('verify.title')}</PageHeading>
      <p>{t('verify.intro')}</p>
      <div
        className={`verify__drop stack${over ? ' is-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const files = [...e.dataTransfer.files];
          if (files.length) void check(files, trusted);
        }}
      >
        <div className="field">
          <label htmlFor="verify-file">{t('verify.file')}</label>
          <input
            id="verify-file"
            type="file"
            multiple
            accept=".pdf,.json,.p7s,application/pdf,application/json"
            aria-describedby="verify-drop verify-p7s"
            onChange={(e) => void check([...(e.target.files ?? [])], trusted)}
          />
          <p className="hint" id="verify-drop">
            {t('verify.drop')}
          </p>
          <p className="hint" id="verify-p7s">
            {t('verify.detachedHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="verify-trust">{t('verify.trust')}</label>
          <p className="hint" id="verify-trust-hint">
            {t('verify.trustHint')}
          </p>
          <input
            id="verify-trust"
            type="file"
            multiple
            accept=".pem,.crt,.cer,.der"
            aria-describedby="verify-trust-hint"
            onChange={(e) => void check(file, [...(e.target.files ?? [])])}
          />
          {trusted.length > 0 ? (
            <p className="hint">
              {t('verify.trustChosen', { names: trusted.map((f) => f.name).join(', ') })}
            </p>
          ) : null}
        </div>
      </div>
      <p role="status" aria-live="polite">
        {busy ? t('verify.busy') : ''}
      </p>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {result && !busy ? <Result checked={result} headingRef={resultRef} /> : null}
    </div>
  );
}

function Result({
  checked,
  headingRef,
}: {
  checked: Checked;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const { t, i18n } = useTranslation('signing');
  const [lines, setLines] = useState<ReportLine[]>([]);
  const { report } = checked;
  useEffect(() => {
    let live = true;
    // reportLines lives in the lazily loaded module; it re-runs when the language changes.
    void import('../../signing/verify-text').then(({ reportLines }) => {
      if (live) setLines(reportLines(report, i18n.language));
    });
    return () => {
      live = false;
    };
  }, [report, i18n.language]);
  const verdict = lines.find((l) => l.part === 'verdict');
  const signatures = [...new Set(lines.flatMap((l) => (l.signature ? [l.signature] : [])))];
  const documentLines = lines.filter((l) => l.part === 'document');
  const assessmentLines = lines.filter((l) => l.part === 'assessment');
  const a = report.assessment.state === 'checked' ? report.assessment : null;
  return (
    <section
      aria-labelledby="verify-result"
      className="stack"
      data-testid="verify-result"
      data-status={report.status}
    >
      <h2 id="verify-result" ref={headingRef} tabIndex={-1}>
        {t('verify.result', { file: checked.fileName })}
      </h2>
      {verdict ? (
        <p className={`panel verify__verdict--${verdict.tone}`} role="alert">
          <strong>{verdict.text}</strong>
        </p>
      ) : null}
      {signatures.map((n) => (
        <section key={n} aria-labelledby={`verify-sig-${n}`}>
          <h3 id={`verify-sig-${n}`}>{t('verify.signature', { index: n })}</h3>
          <Lines lines={lines.filter((l) => l.signature === n)} />
        </section>
      ))}
      {documentLines.length > 0 ? (
        <section aria-labelledby="verify-doc">
          <h3 id="verify-doc">{t('verify.document')}</h3>
          <Lines lines={documentLines} />
        </section>
      ) : null}
      {assessmentLines.length > 0 ? (
        <section aria-labelledby="verify-assessment">
          <h3 id="verify-assessment">{t('verify.assessment')}</h3>
          {a ? (
            <dl className="verify__details">
              <dt>{t('verify.details.title')}</dt>
              <dd>{a.assessment.meta.title}</dd>
              <dt>{t('verify.details.system')}</dt>
              <dd>{a.assessment.meta.systemName}</dd>
              {a.assessment.meta.organisation ? (
                <>
                  <dt>{t('verify.details.organisation')}</dt>
                  <dd>{a.assessment.meta.organisation}</dd>
                </>
              ) : null}
              <dt>{t('verify.details.questionnaire')}</dt>
              <dd>
                {pick(a.assessment.questionnaireSnapshot?.title, i18n.language) ||
                  a.assessment.questionnaire.id}{' '}
                {a.assessment.questionnaire.version}
              </dd>
              <dt>{t('verify.details.version')}</dt>
              <dd>{a.assessment.version}</dd>
              <dt>{t('verify.details.hash')}</dt>
              <dd>
                <code>{a.seal.contentHash}</code>
              </dd>
            </dl>
          ) : null}
          <Lines lines={assessmentLines} />
        </section>
      ) : null}
    </section>
  );
}

function Lines({ lines }: { lines: ReportLine[] }) {
  const { t } = useTranslation('signing');
  return (
    <ul className="verify__lines">
      {lines.map((l, i) => (
        <li key={i}>
          <span className={`verify__mark verify__mark--${l.tone}`} aria-hidden="true">
            {MARKS[l.tone]}
          </span>
          <span>
            <span className="visually-hidden">{t(`verify.tone.${l.tone}`)}: </span>
            {l.text}
          </span>
        </li>
      ))}
    </ul>
  );
}
