import type { ReactNode, SelectHTMLAttributes } from 'react';
import { describedBy, FieldFrame } from './field';

export interface SelectOption {
  value: string;
  label: string;
  /** BCP 47 language of the label, when it differs from the page (a language's own name). */
  lang?: string;
}

export interface SelectGroup {
  label: string;
  options: SelectOption[];
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value' | 'id'> {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: Array<SelectOption | SelectGroup>;
  hint?: ReactNode;
  error?: ReactNode;
}

function isGroup(item: SelectOption | SelectGroup): item is SelectGroup {
  return 'options' in item;
}

function renderOption(option: SelectOption) {
  return (
    <option key={option.value} value={option.value} lang={option.lang}>
      {option.label}
    </option>
  );
}

export function Select({ id, label, value, onChange, options, hint, error, ...rest }: SelectProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        {...rest}
        id={id}
        className="an-select"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error, rest['aria-describedby'])}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((item) =>
          isGroup(item) ? (
            <optgroup key={item.label} label={item.label}>
              {item.options.map(renderOption)}
            </optgroup>
          ) : (
            renderOption(item)
          ),
        )}
      </select>
    </FieldFrame>
  );
}
