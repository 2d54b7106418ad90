import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../core/assessment';
import { score } from '../../core/scoring';
import {
  emptyRiskDraft,
  registerLevel,
  removeRisk,
  restoreRisk,
  riskNumbers,
  risksByDomain,
  saveRisk,
  toRiskDraft,
  type RemovedRisk,
  type RiskDraft,
} from '../../core/register';
import {
  acceptProposals,
  combinedDraft,
  dismissedProposals,
  dismissProposals,
  proposalDraft,
  proposalReason,
  proposalTitle,
  proposalViews,
  reopenProposal,
  type ProposalView,
} from '../../core/register';
import { useSession } from '../state/session';
import { useStoreValue } from '../state/assessment-store';
import { useServices } from '../services';
import { PageHeading } from '../components/PageHeading';
import { LevelBadge } from '../components/LevelBadge';
import { SaveStatusText } from '../components/SaveStatusText';
import { StepList } from '../wizard';
import { href } from '../router';
import { RiskForm } from './RiskForm';
import { editButtonId, RiskCard, riskHeadingId } from './RiskCard';
import { HeatMaps } from './HeatMap';
import { DismissDialog } from './DismissDialog';
import { Dialog } from './Dialog';
import { domainLabel, domId } from './labels';
import { LockedNotice } from '../signing';

type Editor =
  | { kind: 'new'; draft: RiskDraft; initial: RiskDraft; returnTo: string }
  | { kind: 'edit'; draft: RiskDraft; initial: RiskDraft; returnTo: string }
  | {
      kind: 'proposal';
      draft: RiskDraft;
      initial: RiskDraft;
      returnTo: string;
      /** One proposal, or several taken together as one risk. */
      proposalIds: string[];
    };

const addButtonId = (domain: string) => `add-risk-${domId(domain)}`;
const acceptButtonId = (proposalId: string) => `accept-${domId(proposalId)}`;
const groupAcceptId = (domain: string | null) => `accept-all-${domId(domain ?? 'none')}`;
const groupHeadingId = (domain: string | null) => `proposals-${domId(domain ?? 'none')}`;

/**
 * An unsaved risk form survives leaving the page (sessionStorage, this tab only): it comes back
 * when the register is opened again, so a half-written risk is never lost by a click elsewhere.
 */
function draftKey(id: string) {
  return `fria.registerDraft.${id}`;
}
function loadEditor(id: string): Editor | null {
  try {
    const raw = sessionStorage.getItem(draftKey(id));
    if (!raw) return null;
    const e = JSON.parse(raw) as Editor;
    return e && typeof e === 'object' && e.draft && e.initial ? e : null;
  } catch {
    return null;
  }
}
function storeEditor(id: string, e: Editor | null) {
  try {
    if (e && JSON.stringify(e.draft) !== JSON.stringify(e.initial))
      sessionStorage.setItem(draftKey(id), JSON.stringify(e));
    else sessionStorage.removeItem(draftKey(id));
  } catch {
    // Storage blocked by policy: the draft then lives as long as the page.
  }
}

/** The form's latest draft per open form, kept outside React state (no re-render per keystroke). */
const latestDrafts = new WeakMap<object, RiskDraft>();

/** The risk register: proposals, risks per domain with their measures, and the heat map. */
export function RegisterScreen() {
  const { t, i18n } = useTranslation('register');
  const lang = i18n.language;
  const { store, questionnaire: q, autosaver } = useSession();
  const services = useServices();
  const a = useStoreValue(store, (x: Assessment) => x);
  const readOnly = store.readOnly;
  const result = useMemo(() => score(q, a), [q, a]);
  const proposals = useMemo(() => proposalViews(q, a, result), [q, a, result]);
  const dismissed = useMemo(() => dismissedProposals(q, a, lang, result), [q, a, lang, result]);
  const numbers = riskNumbers(a.register);
  const groups = risksByDomain(q, a.register);

  const [restored] = useState(() => {
    // A kept draft comes back only where it still fits: its proposal still open, its risk still there.
    const e = loadEditor(a.id);
    if (!e) return null;
    if (
      e.kind === 'proposal' &&
      !(
        Array.isArray(e.proposalIds) &&
        e.proposalIds.length > 0 &&
        e.proposalIds.every((id) => proposals.some((p) => p.id === id && p.status === 'open'))
      )
    )
      return null;
    if (e.kind === 'edit' && !a.register.some((r) => r.id === e.draft.id)) return null;
    return e;
  });
  const [editor, setEditorState] = useState<Editor | null>(restored);
  const [confirm, setConfirm] = useState<{ next: () => void } | null>(null);
  const [dismissing, setDismissing] = useState<ProposalView[] | null>(null);
  const [removed, setRemoved] = useState<{ removed: RemovedRisk; label: string } | null>(null);
  const [message, setMessage] = useState('');
  const focusId = useRef<string | null>(null);
  const undoRef = useRef<HTMLDivElement>(null);

  // The form's latest draft is kept in `latestDrafts` without re-rendering the screen on each
  // keystroke, and written to sessionStorage a moment after typing stops.
  const persistTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const editorRef = useRef<Editor | null>(restored);
  useEffect(() => {
    editorRef.current = editor;
  });
  const setEditor = (e: Editor | null) => {
    setEditorState(e);
    storeEditor(a.id, e);
  };
  const id = a.id;
  const draftChanged = (d: RiskDraft) => {
    if (!editor) return;
    const owner = editor;
    latestDrafts.set(owner, d);
    if (persistTimer.current) clearTimeout(persistTimer.current);
    persistTimer.current = setTimeout(() => {
      persistTimer.current = null;
      // Only while that form is still the open one (not after save or cancel).
      if (editorRef.current === owner) storeEditor(id, { ...owner, draft: d });
    }, 300);
  };
  useEffect(
    () => () => {
      // Leaving the page: write the last keystrokes now.
      if (!persistTimer.current) return;
      clearTimeout(persistTimer.current);
      const e = editorRef.current;
      const d = e ? latestDrafts.get(e) : undefined;
      if (e && d) storeEditor(id, { ...e, draft: d });
    },
    [id],
  );
  useEffect(() => {
    if (!focusId.current) return;
    const el = document.getElementById(focusId.current);
    focusId.current = null;
    el?.focus();
  });
  useEffect(() => {
    if (removed) undoRef.current?.focus();
  }, [removed]);

  /** Opens a form, first asking whether to drop unsaved changes in the one that is open. */
  const open = (next: Editor) => {
    const go = () => {
      setRemoved(null);
      setEditor(next);
    };
    const current = editor ? (latestDrafts.get(editor) ?? editor.draft) : null;
    if (editor && JSON.stringify(current) !== JSON.stringify(editor.initial)) {
      setConfirm({ next: go });
    } else go();
  };
  const newRisk = (domain: string) => {
    const d = emptyRiskDraft(`r-${services.newId()}`, domain);
    open({ kind: 'new', draft: d, initial: d, returnTo: addButtonId(domain) });
  };
  const editRisk = (id: string) => {
    const r = a.register.find((x) => x.id === id);
    if (!r) return;
    const d = toRiskDraft(r);
    open({ kind: 'edit', draft: d, initial: d, returnTo: editButtonId(id) });
  };
  const acceptRisk = (ps: ProposalView[], returnTo: string) => {
    const ids = { riskId: `r-${services.newId()}`, measureId: () => `m-${services.newId()}` };
    const d =
      ps.length === 1 ? proposalDraft(q, ps[0]!, lang, ids) : combinedDraft(q, ps, lang, ids);
    open({ kind: 'proposal', draft: d, initial: d, returnTo, proposalIds: ps.map((p) => p.id) });
  };
  const cancel = () => {
    if (!editor) return;
    focusId.current = editor.returnTo;
    setEditor(null);
  };
  const save = (draft: RiskDraft) => {
    if (!editor) return null;
    let problems = null;
    store.update((cur) => {
      const r =
        editor.kind === 'proposal'
          ? acceptProposals(cur, q, editor.proposalIds, draft, services.now())
          : saveRisk(cur, q, draft, services.now());
      if (!r.ok) {
        problems = r.problems;
        return cur;
      }
      return r.assessment;
    });
    if (problems) return problems;
    focusId.current = riskHeadingId(draft.id);
    setMessage(t('risk.saved', { title: draft.title.trim() }));
    setEditor(null);
    return null;
  };
  const remove = (id: string) => {
    const r = a.register.find((x) => x.id === id);
    if (!r) return;
    let out: RemovedRisk | null = null;
    store.update((cur) => {
      const x = removeRisk(cur, id, services.now());
      if (!x) return cur;
      out = x.removed;
      return x.assessment;
    });
    if (out) {
      if (editor?.kind === 'edit' && editor.draft.id === id) setEditor(null);
      setMessage('');
      setRemoved({ removed: out, label: `${numbers.get(id)} ${r.title}` });
    }
  };
  const undo = () => {
    if (!removed) return;
    store.update((cur) => restoreRisk(cur, removed.removed, services.now()));
    focusId.current = riskHeadingId(removed.removed.risk.id);
    setMessage(t('risk.restored', { title: removed.removed.risk.title }));
    setRemoved(null);
  };
  const dismiss = (ps: ProposalView[], reason: string) => {
    // Focus goes to the next open proposal after these, else the one before, else the heading.
    const openOnes = proposals.filter((x) => x.status === 'open');
    const gone = new Set(ps.map((p) => p.id));
    const first = openOnes.findIndex((x) => gone.has(x.id));
    const rest = openOnes.filter((x) => !gone.has(x.id));
    const next = rest.find((_, i) => openOnes.indexOf(rest[i]!) > first) ?? rest.at(-1);
    store.update((cur) => {
      const r = dismissProposals(
        cur,
        ps.map((p) => p.id),
        reason,
        services.now(),
      );
      return r.ok ? r.assessment : cur;
    });
    focusId.current = next ? acceptButtonId(next.id) : 'proposals-heading';
    setMessage(
      ps.length === 1
        ? t('proposals.dismissed', { title: proposalTitle(q, ps[0]!, lang) })
        : t('proposals.dismissedMany', { count: ps.length }),
    );
    setDismissing(null);
  };
  const reopen = (id: string, title: string) => {
    store.update((cur) => reopenProposal(cur, id, services.now()));
    focusId.current = acceptButtonId(id);
    setMessage(t('proposals.reopened', { title }));
  };

  const openProposals = proposals.filter((p) => p.status === 'open');
  // Open proposals per domain (questionnaire order; "overall" flags without a domain first).
  const proposalGroups: { domain: string | null; items: ProposalView[] }[] = [];
  for (const p of openProposals) {
    const g = proposalGroups.find((x) => x.domain === p.domain);
    if (g) g.items.push(p);
    else proposalGroups.push({ domain: p.domain, items: [p] });
  }
  const accepted = proposals.filter((p) => p.status === 'accepted').length;
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
                      <li key={p.id} className="proposal">
                        <h4 className="proposal__title">
                          {p.source.kind === 'redFlag' ? (
                            <span className="proposal__flag">
                              <span aria-hidden="true">⚑ </span>
                              {t('proposals.redFlag')}:{' '}
                            </span>
                          ) : null}
                          {title}
                        </h4>
                        <p>{proposalReason(q, p, lang)}</p>
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
          returnFocus={() => (focusId.current ? document.getElementById(focusId.current) : null)}
        />
      ) : null}
      {confirm ? (
        <Dialog labelledBy="discard-title" onClose={() => setConfirm(null)}>
          <div className="stack dialog__body">
            <h2 id="discard-title">{t('discard.title')}</h2>
            <p>{t('discard.text')}</p>
            <div className="actions">
              <button
                type="button"
                className="button button--danger"
                onClick={() => {
                  const next = confirm.next;
                  setConfirm(null);
                  next();
                }}
              >
                {t('discard.confirm')}
              </button>
              <button
                type="button"
                className="button"
                data-autofocus
                onClick={() => {
                  setConfirm(null);
                  focusId.current = `risk-form-heading`;
                }}
              >
                {t('discard.keep')}
              </button>
            </div>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
