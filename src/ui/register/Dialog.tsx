import { useEffect, useRef, type ReactNode } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native <dialog> element. Mount it to open it (render it conditionally):
 * it opens with showModal() (the page behind becomes inert), puts focus on the element marked
 * `data-autofocus` or the first control, keeps Tab and Shift+Tab inside, closes on Escape, and
 * gives focus back to the element that had it when it opened (or to `returnFocus()`).
 * Where showModal() is missing (old browsers, jsdom) it falls back to the `open` attribute with the
 * same focus handling.
 */
export function Dialog({
  labelledBy,
  describedBy,
  onClose,
  returnFocus,
  className,
  children,
}: {
  labelledBy: string;
  describedBy?: string;
  /** Escape or a close button: the parent unmounts the dialog. */
  onClose(): void;
  /** Where focus goes after closing, when not back to the opener (e.g. the opener was removed). */
  returnFocus?: () => HTMLElement | null;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnRef = useRef(returnFocus);
  useEffect(() => {
    returnRef.current = returnFocus;
  });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof el.showModal === 'function') {
      if (!el.open) el.showModal();
    } else {
      el.setAttribute('open', '');
    }
    const first =
      el.querySelector<HTMLElement>('[data-autofocus]') ?? el.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      if (typeof el.close === 'function' && el.open) el.close();
      // After React has removed the dialog: focus the opener again (or the given fallback).
      const back = returnRef.current?.() ?? opener;
      if (back && back.isConnected) back.focus();
      else if (back) setTimeout(() => back.isConnected && back.focus(), 0);
    };
  }, []);

  function onKeyDown(e: React.KeyboardEvent<HTMLDialogElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (x) => !x.closest('[hidden]'),
    );
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`.trim()}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-modal="true"
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        // The browser's own Escape handling: keep the parent in charge of closing.
        e.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
