import type { ReactNode } from 'react';

export interface CheckboxOption {
  value: string;
  label: ReactNode;
  /** Shown before the label (a theme dot); decorative. */
  marker?: ReactNode;
  lang?: string;
}

export interface CheckboxGroupProps {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  options: CheckboxOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** Sub-groups (sub-themes under a theme) get their own small heading. */
  groups?: Array<{ label: ReactNode; options: CheckboxOption[] }>;
}

/** Several checkboxes under one legend: a fieldset, each box ≥ 44 px tall to touch. */
export function CheckboxGroup({ id, legend, hint, error, options, value, onChange, groups }: CheckboxGroupProps) {
  const toggle = (option: string, checked: boolean) =>
    onChange(checked ? [...value, option] : value.filter((v) => v !== option));
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  const box = (option: CheckboxOption) => (
    <li key={option.value}>
      <label className="an-check">
        <input
          type="checkbox"
          name={id}
          value={option.value}
          checked={value.includes(option.value)}
          onChange={(event) => toggle(option.value, event.target.checked)}
        />
        {option.marker}
        <span lang={option.lang}>{option.label}</span>
      </label>
    </li>
  );
  return (
    <fieldset className="an-fieldset an-checks" id={id} aria-describedby={describedBy}>
      <legend className="an-field__label">{legend}</legend>
      {hint && (
        <div className="an-field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div className="an-field__error" id={`${id}-error`}>
          {error}
        </div>
      )}
      {options.length > 0 && <ul className="an-checks__list">{options.map(box)}</ul>}
      {groups?.map((group, index) => (
        <div key={index} className="an-checks__group">
          <div className="an-checks__group-label">{group.label}</div>
          <ul className="an-checks__list">{group.options.map(box)}</ul>
        </div>
      ))}
    </fieldset>
  );
}
