import { useEffect, useRef, type ReactNode } from 'react';

// On the first view after the page loads, focus stays at the top of the document (so the skip link
// comes first); every later view change moves focus to the new heading.
let initialView = true;

/**
 * The view's one h1. It receives focus when the view changes, so keyboard and screen-reader users
 * land at the start of the new content, and it sets the page title.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — FRIA Wizard`;
    if (initialView) initialView = false;
    else ref.current?.focus({ preventScroll: false });
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
