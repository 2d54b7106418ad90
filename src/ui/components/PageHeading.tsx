import { useEffect, useRef, type ReactNode } from 'react';
import { fieldInAddress } from '../router';

// On the first view after the page loads, focus stays at the top of the document (so the skip link
// comes first); every later view change moves focus to the new heading.
let initialView = true;

/**
 * Moves focus to the element with this id once it is on the page (a screen may render it a moment
 * after its heading), for up to a few seconds. False when it never appeared.
 */
function focusWhenPresent(id: string, fallback: () => void): () => void {
  const go = () => {
    const el = document.getElementById(id);
    if (!el) return false;
    el.scrollIntoView?.({ block: 'center' });
    el.focus({ preventScroll: true });
    return true;
  };
  if (go()) return () => {};
  fallback();
  const observer = new MutationObserver(() => {
    if (go()) stop();
  });
  const timer = setTimeout(() => stop(), 5000);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}

/**
 * The view's one h1. It receives focus when the view changes, so keyboard and screen-reader users
 * land at the start of the new content, and it sets the page title. An address that names a field
 * ("…/summary?field=conclusion-reasoning", from the list of what blocks signing) takes focus to
 * that field instead.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — FRIA Wizard`;
    const field = fieldInAddress();
    const first = initialView;
    initialView = false;
    const heading = () => {
      if (!first) ref.current?.focus({ preventScroll: false });
    };
    if (field) return focusWhenPresent(field, heading);
    heading();
    return undefined;
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
