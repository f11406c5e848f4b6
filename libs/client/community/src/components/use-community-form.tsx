import { readApiProblems } from '@anyam/client/graphql';
import { FormErrorSummary, useAnnounce, useForm, type FieldRule } from '@anyam/client/ui';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { communityProblems } from '../problems';

export interface CommunityFormOptions<F extends string> {
  id: string;
  initial: Record<F, string>;
  rules?: Partial<Record<F, FieldRule<F>>>;
  /** Which form field shows an API field's problem; others go to the summary. Same-named fields map themselves. */
  fields?: Partial<Record<string, F>>;
}

/**
 * A community form end to end (as the account forms): checks on blur and on submit, sends, puts the API's
 * problems next to their fields, lists them in a summary and announces them.
 */
export function useCommunityForm<F extends string>({ id, initial, rules, fields = {} }: CommunityFormOptions<F>) {
  const { t, i18n } = useTranslation('community');
  const announce = useAnnounce();
  const translate = useCallback((key: string) => t(key), [t]);
  const form = useForm<F>({ id, initial, rules, translate });
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt === 0 || form.problems.length === 0) return;
    summaryRef.current?.scrollIntoView({ block: 'nearest' });
    announce(`${t('form.problemTitle')}: ${form.problems.map((p) => p.message).join('. ')}`, 'assertive');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  const showError = useCallback(
    (error: unknown) => {
      const fieldErrors: Partial<Record<F, string>> = {};
      let formError: string | null = null;
      for (const problem of communityProblems(readApiProblems(error))) {
        const key = problem.keys.find((k) => i18n.exists(k, { ns: 'community' })) ?? 'errors.code.UNKNOWN';
        const target = problem.field
          ? (fields[problem.field] ?? (problem.field in form.values ? (problem.field as F) : undefined))
          : undefined;
        if (target) fieldErrors[target] = key;
        else formError ??= key;
      }
      form.setErrors(fieldErrors);
      form.setFormError(formError ? translate(formError) : null);
      setAttempt((n) => n + 1);
    },
    [fields, form, translate, i18n],
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

  const summary = <FormErrorSummary ref={summaryRef} title={t('form.problemTitle')} problems={form.problems} />;
  return { form, busy, submit, summary, showError };
}
