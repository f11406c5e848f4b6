import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';

export interface PageHeadingProps {
  children: ReactNode;
  /** The page's name for the tab title ("Sign in"); " · Anyam" is added. Defaults to the heading text. */
  title?: string;
}

/**
 * The page's one <h1>. It names the browser tab and, after an in-app navigation (not on the first load),
 * takes focus so screen reader and keyboard users start at the new page rather than the old link.
 */
export function PageHeading({ children, title }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const text = title ?? (typeof children === 'string' ? children : '');

  useEffect(() => {
    document.title = text ? `${text} · Anyam` : 'Anyam';
  }, [text]);

  useEffect(() => {
    if (location.key !== 'default') ref.current?.focus({ preventScroll: false });
  }, [location.key]);

  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
