/**
 * The register's open form (new risk, edit, accepting proposals) and its unsaved draft. An unsaved
 * form survives leaving the page (sessionStorage, this tab only): it comes back when the register is
 * opened again, so a half-written risk is never lost by a click elsewhere.
 */
import type { Assessment } from '../../core/assessment';
import type { ProposalView, RiskDraft } from '../../core/register';

export type Editor =
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

function draftKey(id: string) {
  return `fria.registerDraft.${id}`;
}
export function loadEditor(id: string): Editor | null {
  try {
    const raw = sessionStorage.getItem(draftKey(id));
    if (!raw) return null;
    const e = JSON.parse(raw) as Editor;
    return e && typeof e === 'object' && e.draft && e.initial ? e : null;
  } catch {
    return null;
  }
}
export function storeEditor(id: string, e: Editor | null) {
  try {
    if (e && JSON.stringify(e.draft) !== JSON.stringify(e.initial))
      sessionStorage.setItem(draftKey(id), JSON.stringify(e));
    else sessionStorage.removeItem(draftKey(id));
  } catch {
    // Storage blocked by policy: the draft then lives as long as the page.
  }
}

/** The form's latest draft per open form, kept outside React state (no re-render per keystroke). */
export const latestDrafts = new WeakMap<object, RiskDraft>();

/** The kept draft, only where it still fits: its proposal still open, its risk still there. */
export function restoreEditor(a: Assessment, proposals: readonly ProposalView[]): Editor | null {
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
}
