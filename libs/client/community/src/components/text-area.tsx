import { describedBy, FieldFrame } from '@anyam/client/ui';
import { useState, type ReactNode } from 'react';

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
}

/** A multi-line TextField: label, hint and error wired the same way, checked when leaving it. */
export function TextArea({ id, name, label, value, onChange, hint, error, validate, rows = 5 }: TextAreaProps) {
  const [ownError, setOwnError] = useState<ReactNode | null>(null);
  const shown = error !== undefined ? error : ownError;
  const run = (next: string) => validate && setOwnError(validate(next) ?? null);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={shown}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        className="an-input an-textarea"
        value={value}
        aria-invalid={shown ? true : undefined}
        aria-describedby={describedBy(id, hint, shown)}
        onChange={(event) => {
          onChange(event.target.value);
          if (shown) run(event.target.value);
        }}
        onBlur={(event) => {
          if (event.target.value !== '' || shown) run(event.target.value);
        }}
      />
    </FieldFrame>
  );
}
