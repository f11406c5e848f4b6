import { describedBy, FieldFrame } from '@anyam/client/ui';
import type { ReactNode } from 'react';

export interface TextAreaProps {
  id: string;
  name?: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: ReactNode;
  validate?: (value: string) => ReactNode | null;
  rows?: number;
  className?: string;
  maxLength?: number;
}

export function TextArea({ id, name, label, value, onChange, hint, error, validate, rows = 4, className, maxLength }: TextAreaProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        className={`an-input ${className ?? ''}`}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
        onBlur={(event) => validate?.(event.target.value)}
      />
    </FieldFrame>
  );
}
