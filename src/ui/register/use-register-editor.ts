/**
 * The register screen's editing state: which form is open and its draft, the confirmation before
 * dropping unsaved changes, the dismiss dialog, undo of a removal, the status message and where
 * focus goes next; and the actions that change the assessment (save, remove, undo, accept,
 * dismiss, reopen).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../core/assessment';
import type { Questionnaire } from '../../core/questionnaire';
import {
  acceptProposals,
  dismissProposals,
  emptyRiskDraft,
  proposalDraft,
  proposalTitle,
  removeRisk,
  reopenProposal,
  restoreRisk,
  saveRisk,
  toRiskDraft,
  type ProposalView,
  type RemovedRisk,
  type RiskDraft,
} from '../../core/register';
import { useSession } from '../state/session';
import { useServices } from '../services';
import { editButtonId, riskHeadingId } from './RiskCard';
import { domId } from './labels';
import { latestDrafts, restoreEditor, storeEditor, type Editor } from './register-drafts';

export const addButtonId = (domain: string) => `add-risk-${domId(domain)}`;
export const acceptButtonId = (proposalId: string) => `accept-${domId(proposalId)}`;
export const groupAcceptId = (domain: string | null) => `accept-all-${domId(domain ?? 'none')}`;
export const groupHeadingId = (domain: string | null) => `proposals-${domId(domain ?? 'none')}`;

export function useRegisterEditor(
  a: Assessment,
  q: Questionnaire,
  proposals: readonly ProposalView[],
  numbers: ReadonlyMap<string, string>,
) {
  const { t, i18n } = useTranslation('register');
  const lang = i18n.language;
  const { store } = useSession();
  const services = useServices();
  const [restored] = useState(() => restoreEditor(a, proposals));
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
    const d = proposalDraft(q, ps, lang, ids);
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

  /** The discard dialog: drop the unsaved changes and go on, or keep editing them. */
  const discardAndGoOn = () => {
    if (!confirm) return;
    const next = confirm.next;
    setConfirm(null);
    next();
  };
  const keepEditing = () => {
    setConfirm(null);
    focusId.current = `risk-form-heading`;
  };
  /** Where focus goes when the dismiss dialog closes. */
  const dismissReturnFocus = () =>
    focusId.current ? document.getElementById(focusId.current) : null;

  return {
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
  };
}
