import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../core/assessment';
import { score } from '../../core/scoring';
import {
  dismissedProposals,
  proposalReason,
  proposalTitle,
  proposalViews,
  registerLevel,
  riskNumbers,
  risksByDomain,
  type ProposalView,
} from '../../core/register';
import { useSession } from '../state/session';
import { useStoreValue } from '../state/assessment-store';
import { PageHeading } from '../components/PageHeading';
import { LevelBadge } from '../components/LevelBadge';
import { SaveStatusText } from '../components/SaveStatusText';
import { StepList } from '../wizard';
import { href } from '../router';
import { RiskForm } from './RiskForm';
import { RiskCard, riskHeadingId } from './RiskCard';
import { HeatMaps } from './HeatMap';
import { DismissDialog } from './DismissDialog';
import { Dialog } from './Dialog';
import { domainLabel, domId, levelLabel } from './labels';
import { LockedNotice } from '../signing';
import type { Editor } from './register-drafts';
import {
  acceptButtonId,
  addButtonId,
  groupAcceptId,
  groupHeadingId,
  useRegisterEditor,
} from './use-register-editor';

/** The element of an open proposal on this screen (links from the sign-off blockers land here). */
export const proposalElementId = (proposalId: string) => `proposal-${domId(proposalId)}`;

/**
 * The risk register: proposals, risks per domain with their measures, and the heat map. `target`
 * (from the address) is a proposal id or a risk id to scroll to and focus, e.g. from the sign-off
 * blockers or from a red flag taken into the register.
 */
export function RegisterScreen({ target }: { target?: string }) {
  const { t, i18n } = useTranslation('register');
  const lang = i18n.language;
  const { store, questionnaire: q, autosaver } = useSession();
  const a = useStoreValue(store, (x: Assessment) => x);
  const readOnly = store.readOnly;
  const result = useMemo(() => score(q, a), [q, a]);
  const proposals = useMemo(() => proposalViews(q, a, result), [q, a, result]);
  const dismissed = useMemo(() => dismissedProposals(q, a, lang, result), [q, a, lang, result]);
  const numbers = riskNumbers(a.register);
  const groups = risksByDomain(q, a.register);
  const rank = (level: string | null) => q.levels.findIndex((l) => l.id === level);

  const {
    editor,
    restored,
    confirm,
    setConfirm,
    dismissing,
    setDismissing,
    removed,
    message,
    undoRef,
    discardAndGoOn,
    keepEditing,
    dismissReturnFocus,
    draftChanged,
    newRisk,
    editRisk,
    acceptRisk,
    cancel,
    save,
    remove,
    undo,
    dismiss,
    reopen,
  } = useRegisterEditor(a, q, proposals, numbers);

  const openProposals = proposals.filter((p) => p.status === 'open');
  useEffect(() => {
    if (!target) return;
    const el =
      document.getElementById(proposalElementId(target)) ??
      document.getElementById(riskHeadingId(target)) ??
      document.getElementById('proposals-heading');
    el?.scrollIntoView?.({ block: 'start' });
    el?.focus();
    // Only when the address changes: focus must not jump back on every edit.
  }, [target]);
  // Open proposals per domain (questionnaire order; "overall" flags without a domain first).
  const proposalGroups: { domain: string | null; items: ProposalView[] }[] = [];
  for (const p of openProposals) {
    const g = proposalGroups.find((x) => x.domain === p.domain);
    if (g) g.items.push(p);
    else proposalGroups.push({ domain: p.domain, items: [p] });
  }
  const accepted = proposals.filter((p) => p.status === 'accepted').length;
  /** Where a risk's accepted proposals came from, as the proposals list said it. */
  const sourcesOf = (riskId: string) =>
    proposals
      .filter((p) => p.status === 'accepted' && p.riskId === riskId)
      .map((p) => proposalReason(q, p, lang));
  const editorFor = (kind: Editor['kind'], match: (e: Editor) => boolean) =>
    editor && editor.kind === kind && match(editor) ? (
      <RiskForm
        key={editor.draft.id}
        initialDraft={editor.draft}
        onChange={draftChanged}
        onSave={save}
        onCancel={cancel}
        heading={
          editor.kind === 'edit'
            ? t('form.headingEdit', { n: numbers.get(editor.draft.id) ?? '' })
            : editor.kind === 'proposal'
              ? editor.proposalIds.length > 1
                ? t('form.headingCombined', { count: editor.proposalIds.length })
                : t('form.headingProposal')
              : t('form.headingNew', { domain: domainLabel(q, editor.draft.domain, lang) })
        }
        saveLabel={editor.kind === 'proposal' ? t('form.saveProposal') : t('form.save')}
        restored={restored !== null && editor === restored}
        sources={
          editor.kind === 'proposal'
            ? editor.proposalIds.flatMap((id) => {
                const p = proposals.find((x) => x.id === id);
                return p ? [proposalReason(q, p, lang)] : [];
              })
            : sourcesOf(editor.draft.id)
        }
      />
    ) : null;
  const lastStep = [...q.sections.keys()]
    .reverse()
    .find((i) => result.visibility.sections.has(q.sections[i]!.id));

  return (
    <div className="wizard wizard--wide">
      <StepList current="register" />
      <div className="wizard__main stack register">
        <PageHeading title={t('title')}>{t('title')}</PageHeading>
        <p className="lead">{t('lead')}</p>
        <SaveStatusText autosaver={autosaver} />
        <LockedNotice linkToSignOff />
        {store.readOnlyReason === 'otherTab' ? (
          <p className="notice" role="note">
            {t('library:storage.error.readOnly')}
          </p>
        ) : null}
        <p role="status" aria-live="polite" className="register__message">
          {message}
        </p>
        {removed ? (
          <div
            className="notice undo-notice"
            ref={undoRef}
            tabIndex={-1}
            role="group"
            aria-label={t('risk.removedLabel')}
          >
            <span>{t('risk.removed', { title: removed.label })}</span>{' '}
            <button type="button" className="button" onClick={undo}>
              {t('risk.undo')}
            </button>
          </div>
        ) : null}

        <section aria-labelledby="proposals-heading" className="proposals">
          <h2 id="proposals-heading" tabIndex={-1}>
            {t('proposals.title')}
          </h2>
          <p className="hint">{t('proposals.intro')}</p>
          {openProposals.length === 0 ? (
            <p>
              {proposals.length === 0
                ? t('proposals.none')
                : t('proposals.allHandled', {
                    accepted,
                    dismissed: dismissed.filter((d) => d.current).length,
                  })}
            </p>
          ) : (
            proposalGroups.map((g) => (
              <div
                key={g.domain ?? ''}
                className="proposal-group"
                role="group"
                aria-labelledby={groupHeadingId(g.domain)}
              >
                <h3 id={groupHeadingId(g.domain)} className="proposal-group__title">
                  {g.domain ? domainLabel(q, g.domain, lang) : t('proposals.noDomainGroup')}{' '}
                  <span className="proposal-group__count">
                    ({t('proposals.count', { count: g.items.length })})
                  </span>
                </h3>
                {g.items.length > 1
                  ? (editorFor(
                      'proposal',
                      (e) =>
                        e.kind === 'proposal' &&
                        e.proposalIds.length > 1 &&
                        e.returnTo === groupAcceptId(g.domain),
                    ) ??
                    (readOnly ? null : (
                      <div className="actions proposal-group__actions">
                        <button
                          type="button"
                          className="button"
                          id={groupAcceptId(g.domain)}
                          onClick={() => acceptRisk(g.items, groupAcceptId(g.domain))}
                        >
                          {t('proposals.acceptAll', { count: g.items.length })}
                        </button>
                        <button
                          type="button"
                          className="button"
                          onClick={() => setDismissing(g.items)}
                        >
                          {t('proposals.dismissAll', { count: g.items.length })}
                        </button>
                      </div>
                    )))
                  : null}
                <ul className="proposal-list">
                  {g.items.map((p) => {
                    const title = proposalTitle(q, p, lang);
                    return (
                      <li
                        key={p.id}
                        className="proposal"
                        id={proposalElementId(p.id)}
                        tabIndex={-1}
                      >
                        <h4 className="proposal__title">
                          {p.source.kind === 'redFlag' ? (
                            <span className="proposal__flag">
                              <span aria-hidden="true">⚑ </span>
                              {t('proposals.redFlag')}:{' '}
                            </span>
                          ) : null}
                          {title}
                        </h4>
                        <p className="proposal__source">
                          <span className="proposal__source-label">{t('proposals.source')}</span>{' '}
                          {proposalReason(q, p, lang)}
                        </p>
                        <p className="proposal__meta">
                          {p.domain ? null : `${t('proposals.noDomain')} · `}
                          {p.suggestedMeasures.length > 0
                            ? t('proposals.suggested', { count: p.suggestedMeasures.length })
                            : t('proposals.noSuggested')}
                        </p>
                        {editorFor(
                          'proposal',
                          (e) =>
                            e.kind === 'proposal' &&
                            e.proposalIds.length === 1 &&
                            e.proposalIds[0] === p.id,
                        ) ??
                          (readOnly ? null : (
                            <div className="actions">
                              <button
                                type="button"
                                className="button button--primary"
                                id={acceptButtonId(p.id)}
                                onClick={() => acceptRisk([p], acceptButtonId(p.id))}
                              >
                                {t('proposals.accept')}
                                <span className="visually-hidden">: {title}</span>
                              </button>
                              <button
                                type="button"
                                className="button"
                                onClick={() => setDismissing([p])}
                              >
                                {t('proposals.dismiss')}
                                <span className="visually-hidden">: {title}</span>
                              </button>
                            </div>
                          ))}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))
          )}
          {dismissed.length > 0 ? (
            <details className="dismissed">
              <summary>{t('proposals.dismissedList', { count: dismissed.length })}</summary>
              <ul>
                {dismissed.map((d) => (
                  <li key={d.id}>
                    <strong>{d.title}</strong>
                    {d.domain ? ` (${domainLabel(q, d.domain, lang)})` : ''}
                    {d.current ? '' : ` — ${t('proposals.notCurrent')}`}
                    <br />
                    {t('proposals.reason')}: {d.reason}
                    {readOnly || !d.current ? null : (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => reopen(d.id, d.title)}
                        >
                          {t('proposals.reopen')}
                          <span className="visually-hidden">: {d.title}</span>
                        </button>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>

        {groups.map((g) => {
          const rl = registerLevel(q, a.register, g.domain);
          const ds = result.byDomain[g.domain];
          const headingId = `register-domain-${domId(g.domain)}`;
          return (
            <section key={g.domain} aria-labelledby={headingId} className="register-domain">
              <h2 id={headingId}>{domainLabel(q, g.domain, lang)}</h2>
              <p className="register-domain__level">
                {rl ? (
                  <>
                    {t('domain.level')} <LevelBadge q={q} level={rl.level} />{' '}
                    <span className="hint">
                      {t('domain.levelBy', { n: numbers.get(rl.riskId), p: rl.product })}
                    </span>
                  </>
                ) : (
                  t('domain.noRisks')
                )}
              </p>
              {rl && ds ? (
                <p className="hint register-domain__effect">
                  {t(
                    ds.answerLevel !== null && rank(ds.answerLevel) >= rank(rl.level)
                      ? 'domain.onlyRaisesNot'
                      : 'domain.onlyRaisesYes',
                    {
                      answers: ds.answerLevel
                        ? levelLabel(q, ds.answerLevel, lang)
                        : t('domain.noAnswerLevel'),
                      computed: levelLabel(q, ds.computed, lang),
                    },
                  )}
                </p>
              ) : null}
              {g.risks.length > 0 ? (
                <ul className="risk-list">
                  {g.risks.map((r) => (
                    <li key={r.id}>
                      {editorFor('edit', (e) => e.draft.id === r.id) ?? (
                        <RiskCard
                          q={q}
                          risk={r}
                          number={numbers.get(r.id)!}
                          onEdit={() => editRisk(r.id)}
                          onRemove={() => remove(r.id)}
                          readOnly={readOnly}
                          sources={sourcesOf(r.id)}
                        />
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
              {editorFor('new', (e) => e.returnTo === addButtonId(g.domain)) ??
                (readOnly || !q.domains.some((d) => d.id === g.domain) ? null : (
                  <button
                    type="button"
                    className="button"
                    id={addButtonId(g.domain)}
                    onClick={() => newRisk(g.domain)}
                  >
                    {t('domain.add', { domain: domainLabel(q, g.domain, lang) })}
                  </button>
                ))}
            </section>
          );
        })}

        <HeatMaps q={q} register={a.register} />

        <nav className="actions actions--split" aria-label={t('nav.label')}>
          {lastStep !== undefined ? (
            <a className="button" href={href({ name: 'step', id: a.id, step: lastStep })}>
              {t('nav.back')}
            </a>
          ) : (
            <span />
          )}
          <span className="actions">
            <a className="button" href={href({ name: 'actions', id: a.id })}>
              {t('nav.actionPlan')}
            </a>
            <a className="button button--primary" href={href({ name: 'summary', id: a.id })}>
              {t('nav.summary')}
            </a>
          </span>
        </nav>
      </div>

      {dismissing ? (
        <DismissDialog
          title={dismissing.map((p) => proposalTitle(q, p, lang)).join('\n')}
          count={dismissing.length}
          onDismiss={(reason) => dismiss(dismissing, reason)}
          onClose={() => setDismissing(null)}
          returnFocus={dismissReturnFocus}
        />
      ) : null}
      {confirm ? (
        <Dialog labelledBy="discard-title" onClose={() => setConfirm(null)}>
          <div className="stack dialog__body">
            <h2 id="discard-title">{t('discard.title')}</h2>
            <p>{t('discard.text')}</p>
            <div className="actions">
              <button type="button" className="button button--danger" onClick={discardAndGoOn}>
                {t('discard.confirm')}
              </button>
              <button type="button" className="button" data-autofocus onClick={keepEditing}>
                {t('discard.keep')}
              </button>
            </div>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
