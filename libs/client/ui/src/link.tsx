import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** An in-app path ("/profile") goes through the router; anything with a scheme is a plain link. */
  to: string;
  /** Style the link as a button (for calls to action that navigate). */
  appearance?: 'link' | 'button-primary' | 'button-secondary';
  children: ReactNode;
}

export function Link({ to, appearance = 'link', className, children, ...rest }: LinkProps) {
  const classes = [
    appearance === 'button-primary' && 'an-button an-button--primary',
    appearance === 'button-secondary' && 'an-button an-button--secondary',
    className,
  ]
    .filter(Boolean)
    .join(' ');
  if (/^[a-z][a-z0-9+.-]*:/i.test(to)) {
    return (
      <a href={to} className={classes || undefined} {...rest}>
        {children}
      </a>
    );
  }
  return (
    <RouterLink to={to} className={classes || undefined} {...rest}>
      {children}
    </RouterLink>
  );
}
