import { readApiProblems } from '@anyam/client/graphql';
import { FormErrorSummary, formatWait, useAnnounce, useForm, type FieldRule } from '@anyam/client/ui';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessages } from '../problems';
import { LIMIT_VALUES } from '../validation';

export interface FormFlowOptions<F extends string> {
  id: string;
  initial: Record<F, string>;
  rules?: Partial<Record<F, FieldRule<F>>>;
  /** Which form field shows an API field's problem (API "newPassword" → form "newPassword"). Others go to the summary. */
  fields?: Partial<Record<string, F>>;
}

/**
 * An account form from end to end: checks on blur and on submit, sends, puts the API's problems next to
 * their fields, lists them in a summary and announces them through the live region.
 */
export function useFormFlow<F extends string>({ id, initial, rules, fields = {} }: FormFlowOptions<F>) {
  const { t, i18n } = useTranslation('account');
  const announce = useAnnounce();
  const translate = useCallback(
    (key: string) => {
      // "rateLimited:120" carries its wait in seconds.
      const [base, seconds] = key.split(':');
      if (seconds) return t(base, { when: formatWait(Number(seconds), i18n.resolvedLanguage ?? 'en') });
      return t(key, LIMIT_VALUES);
    },
    [t, i18n.resolvedLanguage],
  );
  const form = useForm<F>({ id, initial, rules, translate });
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt === 0 || form.problems.length === 0) return;
    summaryRef.current?.scrollIntoView({ block: 'nearest' });
    announce(`${t('form.problemTitle')}: ${form.problems.map((p) => p.message).join('. ')}`, 'assertive');
    // Only after a submit, not on every keystroke that changes a message.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  /** Applies an error thrown by a mutation to the form. */
  const showError = useCallback(
    (error: unknown) => {
      const fieldErrors: Partial<Record<F, string>> = {};
      let formError: string | null = null;
      for (const message of problemMessages(readApiProblems(error))) {
        const target = message.field ? fields[message.field] : undefined;
        const key = message.values?.['seconds'] ? `${message.key}:${message.values['seconds']}` : message.key;
        if (target) fieldErrors[target] = key;
        else formError ??= key;
      }
      form.setErrors(fieldErrors);
      form.setFormError(formError ? translate(formError) : null);
      setAttempt((n) => n + 1);
    },
    [fields, form, translate],
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
