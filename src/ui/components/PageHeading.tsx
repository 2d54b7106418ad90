import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The view's one h1. It receives focus when the view appears, so keyboard and screen-reader users
 * land at the start of the new content, and it sets the page title.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — FRIA Wizard`;
    ref.current?.focus({ preventScroll: false });
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
