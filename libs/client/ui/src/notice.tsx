import { CircleAlert, CircleCheck, Info } from 'lucide-react';
import type { ReactNode } from 'react';

export interface NoticeProps {
  tone?: 'info' | 'success' | 'error';
  children: ReactNode;
  /** "status" for results of an action the person took (read politely); none for static text. */
  role?: 'status' | 'alert';
}

/** A boxed message: a result ("Saved", "We sent a link") or a problem with no single field. */
export function Notice({ tone = 'info', role, children }: NoticeProps) {
  const Icon = tone === 'success' ? CircleCheck : tone === 'error' ? CircleAlert : Info;
  return (
    <div className={`an-notice an-notice--${tone}`} role={role}>
      <Icon className="an-icon" aria-hidden="true" focusable="false" />
      <div>{children}</div>
    </div>
  );
}
