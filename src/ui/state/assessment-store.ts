import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { Assessment } from '../../core/assessment';
import type { AnswerValue } from '../../core/scoring';
import { isAnswered } from '../../core/scoring';
import { isLocked } from '../../core/signoff';
import { changesSignedContent } from '../../core/assessment';
import { confirmCarried } from '../../core/assessment/carry';

type Listener = () => void;

/**
 * Holds the open assessment outside React, so a keystroke updates one value without re-rendering
 * the whole form; components subscribe to the slices they show (useStoreValue).
 */
export class AssessmentStore {
  private state: Assessment;
  private listeners = new Set<Listener>();
  private readonly now: () => string;
  /** Called after every change with the state it replaced (the session wires it to autosave). */
  onChange: ((a: Assessment, prev: Assessment) => void) | null = null;
  /** Another tab holds the edit lock. */
  private readonly tabReadOnly: boolean;

  constructor(initial: Assessment, opts: { now?: () => string; readOnly?: boolean } = {}) {
    this.state = initial;
    this.now = opts.now ?? (() => new Date().toISOString());
    this.tabReadOnly = opts.readOnly ?? false;
  }

  /** Edits are refused: another tab edits this assessment, or this version is signed (docs/signing.md). */
  get readOnly(): boolean {
    return this.tabReadOnly || isLocked(this.state);
  }

  /** Why edits are refused, so a screen can say the right thing (and offer a new version). */
  get readOnlyReason(): 'otherTab' | 'signed' | null {
    if (this.tabReadOnly) return 'otherTab';
    return isLocked(this.state) ? 'signed' : null;
  }

  get(): Assessment {
    return this.state;
  }

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  /**
   * Applies a change; returns false (and changes nothing) when the store is read-only. A signed
   * version takes only changes outside its seal (more sign-offs) or the start of a new version.
   */
  update(change: (a: Assessment) => Assessment): boolean {
    if (this.tabReadOnly) return false;
    const next = change(this.state);
    if (next === this.state) return true;
    if (
      isLocked(this.state) &&
      next.version === this.state.version &&
      changesSignedContent(this.state, next)
    ) {
      return false;
    }
    const prev = this.state;
    this.state = { ...next, updatedAt: this.now() };
    for (const l of this.listeners) l();
    this.onChange?.(this.state, prev);
    return true;
  }

  setAnswer(questionId: string, value: AnswerValue | undefined): void {
    this.update((a) => {
      const prev = a.answers[questionId];
      if (sameValue(prev, value)) return a;
      const answers = { ...a.answers };
      if (value === undefined || !isAnswered(value)) delete answers[questionId];
      else answers[questionId] = value;
      return { ...a, answers };
    });
  }

  /** "Not applicable" for a question: a reason (empty while being typed), or null to take it back. */
  setNotApplicable(questionId: string, reason: string | null): void {
    this.update((a) => {
      const prev = a.notApplicable?.[questionId];
      if ((prev ?? null) === reason) return a;
      const notApplicable = { ...a.notApplicable };
      if (reason === null) delete notApplicable[questionId];
      else notApplicable[questionId] = reason;
      const { notApplicable: _old, ...rest } = a;
      return Object.keys(notApplicable).length > 0 ? { ...rest, notApplicable } : rest;
    });
  }

  /** The user confirms these carried answers (docs/authoring-questionnaires.md, "Carry-over"). */
  confirmCarried(questionIds: readonly string[]): void {
    this.update((a) => confirmCarried(a, questionIds, this.now()));
  }

  setNote(questionId: string, text: string): void {
    this.update((a) => {
      if ((a.notes[questionId] ?? '') === text) return a;
      const notes = { ...a.notes };
      if (text === '') delete notes[questionId];
      else notes[questionId] = text;
      return { ...a, notes };
    });
  }
}

function sameValue(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b || (!isAnswered(a) && !isAnswered(b));
}

/**
 * Subscribes to a derived value of the store. The component re-renders only when `equal` says the
 * value changed, so typing in one field does not re-render the others.
 */
export function useStoreValue<T>(
  store: AssessmentStore,
  select: (a: Assessment) => T,
  equal: (x: T, y: T) => boolean = Object.is,
): T {
  const cache = useRef<{ src: Assessment; value: T } | null>(null);
  const get = useCallback(() => {
    const src = store.get();
    const c = cache.current;
    if (c && c.src === src) return c.value;
    const value = select(src);
    if (c && equal(c.value, value)) {
      cache.current = { src, value: c.value };
      return c.value;
    }
    cache.current = { src, value };
    return value;
    // select/equal are expected to be stable in meaning; the cache keys on the store state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  return useSyncExternalStore(store.subscribe, get);
}
