import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { FormErrorSummary } from './form-error-summary';
import { useAnnounce } from './live-region';
import { useForm, type FieldRule } from './use-form';

/** One problem the server reported, already turned into a message key of the caller's namespace. */
export interface ServerProblem {
  /** The API's input field, if the problem belongs to one. */
  field?: string;
  key: string;
}

export interface FormFlowOptions<F extends string> {
  id: string;
  initial: Record<F, string>;
  rules?: Partial<Record<F, FieldRule<F>>>;
  /** Which form field shows an API field's problem; same-named fields map themselves; others go to the summary. */
  fields?: Partial<Record<string, F>>;
  /** Message key → text in the caller's language and namespace. */
  translate: (key: string) => string;
  /** A thrown mutation error → the problems it carries. */
  readProblems: (error: unknown) => ServerProblem[];
  /** Heading of the error summary ("There is a problem"). */
  problemTitle: string;
}

/**
 * A form from end to end: checks on blur and on submit, sends, puts the API's problems next to their
 * fields, lists them in a summary, and announces them through the live region after each attempt.
 */
export function useFormFlow<F extends string>({ id, initial, rules, fields = {}, translate, readProblems, problemTitle }: FormFlowOptions<F>) {
  const announce = useAnnounce();
  const form = useForm<F>({ id, initial, rules, translate });
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt === 0 || form.problems.length === 0) return;
    summaryRef.current?.scrollIntoView({ block: 'nearest' });
    announce(`${problemTitle}: ${form.problems.map((p) => p.message).join('. ')}`, 'assertive');
    // Only after a submit, not on every keystroke that changes a message.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  /** Applies an error thrown by a mutation to the form. */
  const showError = useCallback(
    (error: unknown) => {
      const fieldErrors: Partial<Record<F, string>> = {};
      let formError: string | null = null;
      for (const problem of readProblems(error)) {
        const target = problem.field
          ? (fields[problem.field] ?? (problem.field in form.values ? (problem.field as F) : undefined))
          : undefined;
        if (target) fieldErrors[target] = problem.key;
        else formError ??= problem.key;
      }
      form.setErrors(fieldErrors);
      form.setFormError(formError ? translate(formError) : null);
      setAttempt((n) => n + 1);
    },
    [fields, form, translate, readProblems],
  );

  const submit = useCallback(
    (action: (values: Record<F, string>) => Promise<void>) => async (event: FormEvent) => {
      event.preventDefault();
      if (busy) return;
      if (!form.validateAll()) {
        setAttempt((n) => n + 1);
        return;
      }
      setBusy(true);
      try {
        await action(form.values);
      } catch (error) {
        showError(error);
      } finally {
        setBusy(false);
      }
    },
    [busy, form, showError],
  );

  const summary = <FormErrorSummary ref={summaryRef} title={problemTitle} problems={form.problems} />;
  return { form, busy, submit, summary, showError };
}
