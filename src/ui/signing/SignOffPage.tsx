import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment, SignOff } from '../../core/assessment';
import { assessmentHash } from '../../core/assessment';
import { roleName } from '../../core/texts';
import { formatDay } from '../../core/report';
import { reportLocale } from '../../core/report';
import { indexQuestionnaire } from '../../core/questionnaire';
import {
  blockerText,
  currentSignOffs,
  isLocked,
  missingRoles,
  previousSignOffs,
  signingBlockers,
  signOffRoles,
  signOffStatus,
  withdrawnSignOffs,
  withdrawSignOff,
  WithdrawRefusedError,
  type SigningBlocker,
} from '../../core/signoff';
import { PageHeading } from '../components/PageHeading';
import { SaveStatusText } from '../components/SaveStatusText';
import { useServices } from '../services';
import { useSession } from '../state/session';
import { useStoreValue } from '../state/assessment-store';
import { href } from '../router';
import { StepList, controlId } from '../wizard';
import { DECISIONS } from '../../core/register';
import { SignOffForm } from './SignOffForm';
import { PdfSigning } from './PdfSigning';
import { LockedNotice } from './LockedNotice';
import './signing.css';

/** `#/a/<id>/signoff`: who signs, what blocks signing, locking and new versions, and the signed PDF. */
export default function SignOffPage() {
  const { t, i18n } = useTranslation('signing');
  const lang = i18n.language;
  const { store, questionnaire: q, autosaver, readOnly } = useSession();
  const a = useStoreValue(store, (x) => x);
  const [hash, setHash] = useState('');
  const [notice, setNotice] = useState('');
  useEffect(() => {
    let live = true;
    void assessmentHash(a).then((h) => live && setHash(h));
    return () => {
      live = false;
    };
  }, [a]);

  const blockers = signingBlockers(a, q);
  const locked = isLocked(a);
  const status = signOffStatus(a, q);
  const missing = missingRoles(a, q)
    .map((r) => roleName(r.label, lang))
    .join(', ');
  const current = currentSignOffs(a);
  const previous = previousSignOffs(a);

  return (
    <div className="wizard">
      <StepList current="signoff" />
      <div className="wizard__main stack signoff">
        <PageHeading title={t('signoff.title')}>{t('signoff.title')}</PageHeading>
        <p className="lead">
          {a.meta.systemName}
          {a.meta.organisation ? ` · ${a.meta.organisation}` : ''}
        </p>
        <p>{t('signoff.lead')}</p>
        <p>
          <a href={href({ name: 'summary', id: a.id })}>{t('signoff.back')}</a>
        </p>
        <SaveStatusText autosaver={autosaver} />

        <section aria-labelledby="signoff-status" className="panel">
          <h2 id="signoff-status">{t('status.title')}</h2>
          <p>
            <strong>{t('status.version', { version: a.version })}</strong>
            {' · '}
            <span data-testid="signoff-status">
              {status === 'draft'
                ? t('status.draft')
                : status === 'inReview'
                  ? t('status.inReview', { missing })
                  : t('status.signed')}
            </span>
          </p>
          <details>
            <summary>{t('status.seal')}</summary>
            <p>{t('status.sealHelp')}</p>
            <p className="signoff__hash">
              <code data-testid="content-hash">{hash}</code>
            </p>
          </details>
        </section>

        {!readOnly ? <LockedNotice onNewVersion={setNotice} /> : null}
        {/* Outside the locked panel: that panel goes away once the new version has started. */}
        <p role="status" aria-live="polite" className="signoff__notice">
          {notice}
        </p>

        {blockers.length > 0 ? <Blockers a={a} blockers={blockers} /> : null}

        <section aria-labelledby="signoff-current">
          <h2 id="signoff-current">{t('signed.title')}</h2>
          {current.length === 0 ? (
            <p>{t('signed.none')}</p>
          ) : (
            <SignOffList items={current} withdrawable={!readOnly} onWithdrawn={setNotice} />
          )}
        </section>

        <WithdrawnList a={a} />

        {previous.length > 0 ? (
          <section aria-labelledby="signoff-previous">
            <h2 id="signoff-previous">{t('previous.title')}</h2>
            {(a.versions ?? []).length > 0 ? (
              <ul className="signoff__versions">
                {(a.versions ?? []).map((v) => (
                  <li key={v.version}>
                    {t(v.reason ? 'previous.version' : 'previous.versionNoReason', {
                      version: v.version + 1,
                      date: formatDay(v.at.slice(0, 10), reportLocale(i18n.language)),
                      reason: v.reason,
                    })}
                  </li>
                ))}
              </ul>
            ) : null}
            <SignOffList items={previous} current={a.version} />
          </section>
        ) : null}

        {/* A second tab opens read-only (edit lock): it shows, but does not sign. */}
        {blockers.length === 0 && !readOnly ? <SignOffForm /> : null}

        {locked ? <PdfSigning roles={signOffRoles(q, a)} /> : null}
      </div>
    </div>
  );
}

function Blockers({ a, blockers }: { a: Assessment; blockers: SigningBlocker[] }) {
  const { t, i18n } = useTranslation('signing');
  const { questionnaire: q } = useSession();
  const index = indexQuestionnaire(q);
  return (
    <section aria-labelledby="signoff-blockers" className="panel signoff__blockers">
      <h2 id="signoff-blockers">{t('blockers.title')}</h2>
      <p>{t('blockers.intro')}</p>
      <ul>
        {blockers.map((b, i) => {
          let link: string;
          let label: string;
          if (b.code === 'openRequired' || b.code === 'unconfirmedCarried') {
            const entry = index.byId.get(b.questionId);
            link = href(
              { name: 'step', id: a.id, step: entry ? q.sections.indexOf(entry.section) : 0 },
              entry ? controlId(entry.question) : undefined,
            );
            label = t('blockers.toQuestion');
          } else if (b.code === 'openProposal') {
            link = href({ name: 'register', id: a.id, target: b.proposalId });
            label = t('blockers.toProposal');
          } else {
            // Each blocker goes to its own field on the summary, not to the top of the page.
            link = href({ name: 'summary', id: a.id }, blockerField(b));
            label = t('blockers.toSummary');
          }
          return (
            <li key={i}>
              {blockerText(b, i18n.language)} <a href={link}>{label}</a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The element id on the summary where a blocker is solved, when it has one. */
function blockerField(b: SigningBlocker): string | undefined {
  switch (b.code) {
    case 'redFlagWithoutResponse':
      return `flag-response-${b.flagId}`;
    case 'missingConclusion':
      return `conclusion-${DECISIONS[0]}`;
    case 'missingReasoning':
      return 'conclusion-reasoning';
    case 'missingConditions':
      return 'condition-add';
    default:
      return undefined;
  }
}

/** Sign-offs that were withdrawn, with who withdrew them, when and why: nothing disappears. */
function WithdrawnList({ a }: { a: Assessment }) {
  const { t, i18n } = useTranslation('signing');
  const { questionnaire: q } = useSession();
  const list = withdrawnSignOffs(a);
  if (list.length === 0) return null;
  const lang = i18n.language;
  const roles = signOffRoles(q);
  const day = (d: string) => (d ? formatDay(d, reportLocale(lang)) : '—');
  return (
    <section aria-labelledby="signoff-withdrawn">
      <h2 id="signoff-withdrawn">{t('withdraw.listTitle')}</h2>
      <ul className="signoff-list">
        {list.map(({ signOff: s, withdrawal: w }) => (
          <li key={w.id} className="signoff-list__item signoff-list__item--withdrawn">
            <p>
              {t('withdraw.entry', {
                name: s.name,
                role: roleName(roles.find((r) => r.id === s.role)?.label, lang) || s.role,
                version: s.version,
                signed: day(s.date),
                withdrawn: day(w.date),
              })}
            </p>
            <p>
              <strong>{t('withdraw.reasonLabel')}:</strong> {w.reason}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The signer withdraws their own sign-off of this version: their name again and a reason. */
function WithdrawControl({ signOff, onDone }: { signOff: SignOff; onDone(msg: string): void }) {
  const { t, i18n } = useTranslation('signing');
  const lang = i18n.language;
  const { store, questionnaire: q, flush } = useSession();
  const services = useServices();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const uid = `wd-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  if (!open) {
    return (
      <p>
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('withdraw.open')}
        </button>
      </p>
    );
  }
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const before = store.get();
      const next = await withdrawSignOff(
        before,
        { signOffId: signOff.id, name, reason, date: services.now().slice(0, 10) },
        { id: `withdrawal-${services.newId()}`, now: services.now(), locale: lang },
      );
      store.update((cur) => (cur === before ? next : cur));
      await flush();
      const role = signOffRoles(q).find((r) => r.id === signOff.role);
      onDone(t('withdraw.done', { name: signOff.name, role: roleName(role?.label, lang) }));
    } catch (err) {
      if (err instanceof WithdrawRefusedError) setError(err.text(lang));
      else throw err;
    } finally {
      setBusy(false);
    }
  }
  return (
    <form
      className="stack signoff__withdraw"
      aria-labelledby={`${uid}-title`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h4 id={`${uid}-title`}>{t('withdraw.title', { name: signOff.name })}</h4>
      <p>{t('withdraw.intro')}</p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${uid}-name`}>
          {t('withdraw.name')}
          <span className="required"> ({t('common:required')})</span>
        </label>
        <input
          id={`${uid}-name`}
          type="text"
          autoComplete="name"
          aria-required="true"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${uid}-reason`}>
          {t('withdraw.reason')}
          <span className="required"> ({t('common:required')})</span>
        </label>
        <textarea
          id={`${uid}-reason`}
          rows={3}
          aria-required="true"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {t('withdraw.submit')}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('withdraw.cancel')}
        </button>
      </div>
    </form>
  );
}

function SignOffList({
  items,
  current,
  withdrawable = false,
  onWithdrawn,
}: {
  items: SignOff[];
  current?: number;
  withdrawable?: boolean;
  onWithdrawn?(msg: string): void;
}) {
  const { t, i18n } = useTranslation('signing');
  const { questionnaire: q } = useSession();
  const roles = signOffRoles(q);
  return (
    <ul className="signoff-list">
      {items.map((s) => (
        <li key={s.id} className="signoff-list__item">
          <h3>
            {s.name} —{' '}
            {roleName(roles.find((r) => r.id === s.role)?.label, i18n.language) || s.role}
          </h3>
          {current !== undefined ? (
            <p className="signoff-list__previous">
              {t('previous.note', { version: s.version, current })}
            </p>
          ) : null}
          <dl className="signoff-list__fields">
            {s.function ? (
              <>
                <dt>{t('signed.function')}</dt>
                <dd>{s.function}</dd>
              </>
            ) : null}
            {s.organisation ? (
              <>
                <dt>{t('signed.organisation')}</dt>
                <dd>{s.organisation}</dd>
              </>
            ) : null}
            <dt>{t('signed.date')}</dt>
            <dd>
              <time dateTime={s.date}>{formatDay(s.date, reportLocale(i18n.language))}</time>
            </dd>
            {s.place ? (
              <>
                <dt>{t('signed.place')}</dt>
                <dd>{s.place}</dd>
              </>
            ) : null}
            <dt>{t('signed.signature')}</dt>
            <dd>
              {s.signature?.kind === 'drawn' && s.signature.data.startsWith('data:image/png') ? (
                <img
                  className="signoff-list__drawn"
                  src={s.signature.data}
                  alt={t('signed.drawnAlt', { name: s.name })}
                />
              ) : s.signature?.kind === 'typed' ? (
                <span className="signoff-list__typed">
                  <span className="visually-hidden">{t('signed.typedLabel')}: </span>
                  {s.signature.data}
                </span>
              ) : (
                '—'
              )}
            </dd>
          </dl>
          <details>
            <summary>{t('signed.declaration')}</summary>
            <p>{s.declaration}</p>
          </details>
          {withdrawable && onWithdrawn ? (
            <WithdrawControl signOff={s} onDone={onWithdrawn} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
