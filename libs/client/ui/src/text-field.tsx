import { useState, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { describedBy, FieldFrame } from './field';

export interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id' | 'children'> {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  /**
   * The error to show. When the parent passes `error` (even null) it controls the message; otherwise the
   * field keeps the result of `validate` itself.
   */
  error?: ReactNode;
  /** Runs when the field loses focus (and again on each change while an error is shown). Returns a message or null. */
  validate?: (value: string) => ReactNode | null;
  /** Told the validator's result, for a parent that collects errors (a form summary). */
  onValidated?: (message: ReactNode | null) => void;
  /** Something beside the input, inside the same row (the show/hide button of PasswordField). */
  addon?: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
}

export function TextField({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  validate,
  onValidated,
  addon,
  inputRef,
  onBlur,
  type = 'text',
  ...rest
}: TextFieldProps) {
  const [ownError, setOwnError] = useState<ReactNode | null>(null);
  const shown = error !== undefined ? error : ownError;

  const run = (next: string) => {
    if (!validate) return;
    const message = validate(next) ?? null;
    setOwnError(message);
    onValidated?.(message);
  };

  const input = (
    <input
      {...rest}
      ref={inputRef}
      id={id}
      type={type}
      className="an-input"
      value={value}
      aria-invalid={shown ? true : undefined}
      aria-describedby={describedBy(id, hint, shown, rest['aria-describedby'])}
      onChange={(event) => {
        onChange(event.target.value);
        if (shown) run(event.target.value);
      }}
      onBlur={(event) => {
        onBlur?.(event);
        // Leaving an empty, untouched field is not an error yet; the form checks it on submit.
        if (event.target.value !== '' || shown) run(event.target.value);
      }}
    />
  );

  return (
    <FieldFrame id={id} label={label} hint={hint} error={shown}>
      {addon ? (
        <div className="an-input-row">
          {input}
          {addon}
        </div>
      ) : (
        input
      )}
    </FieldFrame>
  );
}
