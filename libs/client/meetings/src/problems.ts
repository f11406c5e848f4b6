import { readApiProblems } from '@anyam/client/graphql';
import { useFormFlow, type FieldRule } from '@anyam/client/ui';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What the API said as translation keys of the meetings namespace (never a bare code): per field and reason,
 * per reason, per code; RATE_LIMITED carries its wait.
 */
export function meetingsProblemKeys(error: unknown) {
  return readApiProblems(error).map((problem) => {
    const keys: string[] = [];
    if (problem.field && problem.reason) keys.push(`errors.${problem.field}.${problem.reason}`);
    if (problem.reason) keys.push(`errors.reason.${problem.reason}`);
    keys.push(`errors.code.${problem.code}`, 'errors.code.UNKNOWN');
    return { field: problem.field, keys, wait: problem.retryAfterSeconds };
  });
}

/** One message in the viewer's language for a failed mutation ("Wait 8 seconds before posting again"). */
export function useMeetingsErrorMessage() {
  const { t, i18n } = useTranslation('meetings');
  return useCallback(
    (error: unknown) => {
      const [first] = meetingsProblemKeys(error);
      if (first?.wait) return { field: null, message: t('errors.wait', { count: first.wait }) };
      const key = first?.keys.find((k) => i18n.exists(k, { ns: 'meetings' })) ?? 'errors.code.UNKNOWN';
      return { field: first?.field ?? null, message: t(key) };
    },
    [t, i18n],
  );
}

export interface MeetingsFormOptions<F extends string> {
  id: string;
  initial: Record<F, string>;
  rules?: Partial<Record<F, FieldRule<F>>>;
  /** Which form field shows an API field's problem. */
  fields?: Partial<Record<string, F>>;
}

/** A meetings form: the shared form flow with the meetings namespace's messages. */
export function useMeetingsForm<F extends string>(options: MeetingsFormOptions<F>) {
  const { t, i18n } = useTranslation('meetings');
  const translate = useCallback((key: string) => t(key), [t]);
  const readProblems = useCallback(
    (error: unknown) =>
      meetingsProblemKeys(error).map((problem) => ({
        field: problem.field ?? undefined,
        key: problem.keys.find((k) => i18n.exists(k, { ns: 'meetings' })) ?? 'errors.code.UNKNOWN',
      })),
    [i18n],
  );
  return useFormFlow<F>({ ...options, translate, readProblems, problemTitle: t('form.problemTitle') });
}
