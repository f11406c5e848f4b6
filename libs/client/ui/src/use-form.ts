import { useCallback, useMemo, useRef, useState } from 'react';
import type { FormProblem } from './form-error-summary';

/** Returns the translation key of the problem with `value`, or null when it is fine. */
export type FieldRule<F extends string> = (value: string, values: Record<F, string>) => string | null;

export interface UseFormOptions<F extends string> {
  /** Prefix for the input ids ("sign-in" → "sign-in-email"). */
  id: string;
  initial: Record<F, string>;
  rules?: Partial<Record<F, FieldRule<F>>>;
  /** Turns a problem key into words in the current language. */
  translate: (key: string) => string;
}

/**
 * The state of a small form: values, a problem key per field (from the rules on blur or submit, or from the
 * server), and the props that wire a TextField to them.
 */
export function useForm<F extends string>({ id, initial, rules = {}, translate }: UseFormOptions<F>) {
  const [values, setValues] = useState<Record<F, string>>(initial);
  const [errors, setErrorState] = useState<Partial<Record<F, string | null>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const valuesRef = useRef(values);
  valuesRef.current = values;

  const fieldId = useCallback((field: F) => `${id}-${field}`, [id]);

  const check = useCallback(
    (field: F, value: string): string | null => {
      const rule = (rules as Partial<Record<F, FieldRule<F>>>)[field];
      return rule ? rule(value, { ...valuesRef.current, [field]: value }) : null;
    },
    [rules],
  );

  const set = useCallback((field: F, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
  }, []);

  const setErrors = useCallback((next: Partial<Record<F, string | null>>) => {
    setErrorState((current) => ({ ...current, ...next }));
  }, []);

  /** Checks every field; returns true when all pass. */
  const validateAll = useCallback((): boolean => {
    const next: Partial<Record<F, string | null>> = {};
    let ok = true;
    for (const field of Object.keys(valuesRef.current) as F[]) {
      const problem = check(field, valuesRef.current[field]);
      next[field] = problem;
      if (problem) ok = false;
    }
    setErrorState(next);
    setFormError(null);
    return ok;
  }, [check]);

  const field = useCallback(
    (name: F) => ({
      id: fieldId(name),
      name,
      value: values[name],
      onChange: (value: string) => set(name, value),
      error: errors[name] ? translate(errors[name]!) : null,
      validate: (value: string) => {
        const problem = check(name, value);
        setErrors({ [name]: problem } as Partial<Record<F, string | null>>);
        return problem ? translate(problem) : null;
      },
    }),
    [values, errors, check, fieldId, set, setErrors, translate],
  );

  const problems: FormProblem[] = useMemo(() => {
    const list: FormProblem[] = [];
    if (formError) list.push({ fieldId: null, message: formError });
    for (const name of Object.keys(values) as F[]) {
      const key = errors[name];
      if (key) list.push({ fieldId: fieldId(name), message: translate(key) });
    }
    return list;
  }, [errors, formError, values, fieldId, translate]);

  const reset = useCallback((next: Record<F, string>) => {
    setValues(next);
    setErrorState({});
    setFormError(null);
  }, []);

  return { values, set, errors, setErrors, formError, setFormError, validateAll, field, fieldId, problems, reset };
}
