import { CircleAlert } from 'lucide-react';
import type { ReactNode } from 'react';

/** Ids of a field's parts, so label, hint and error are wired with for/aria-describedby. */
export function fieldIds(id: string) {
  return { hint: `${id}-hint`, error: `${id}-error` };
}

export function describedBy(id: string, hint: ReactNode, error: ReactNode, extra?: string): string | undefined {
  const ids = fieldIds(id);
  const parts = [error ? ids.error : null, hint ? ids.hint : null, extra ?? null].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

export interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  children: ReactNode;
}

/** Label, hint, error and control in the order a screen reader and a sighted reader meet them. */
export function FieldFrame({ id, label, hint, error, children }: FieldFrameProps) {
  const ids = fieldIds(id);
  return (
    <div className="an-field">
      <label className="an-field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="an-field__hint" id={ids.hint}>
          {hint}
        </div>
      )}
      {error && (
        <div className="an-field__error" id={ids.error}>
          <CircleAlert className="an-icon" aria-hidden="true" focusable="false" />
          <span>{error}</span>
        </div>
      )}
      {children}
    </div>
  );
}
