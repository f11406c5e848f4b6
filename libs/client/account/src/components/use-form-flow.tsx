import { readApiProblems } from '@anyam/client/graphql';
import { formatWait, useFormFlow as useUiFormFlow, type FieldRule } from '@anyam/client/ui';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessages } from '../problems';
import { LIMIT_VALUES } from '../validation';

export interface AccountFormOptions<F extends string> {
  id: string;
  initial: Record<F, string>;
  rules?: Partial<Record<F, FieldRule<F>>>;
  /** Which form field shows an API field's problem (API "newPassword" → form "newPassword"). Others go to the summary. */
  fields?: Partial<Record<string, F>>;
}

/** An account form: the shared form flow with the account namespace's messages and limits. */
export function useFormFlow<F extends string>({ fields = {}, ...options }: AccountFormOptions<F>) {
  const { t, i18n } = useTranslation('account');
  const translate = useCallback(
    (key: string) => {
      // "rateLimited:120" carries its wait in seconds.
      const [base, seconds] = key.split(':');
      if (seconds) return t(base, { when: formatWait(Number(seconds), i18n.resolvedLanguage ?? 'en') });
      return t(key, LIMIT_VALUES);
    },
    [t, i18n.resolvedLanguage],
  );
  const readProblems = useCallback(
    (error: unknown) =>
      problemMessages(readApiProblems(error)).map((message) => ({
        // Only mapped fields: account forms name some API fields differently.
        field: message.field && fields[message.field] ? message.field : undefined,
        key: message.values?.['seconds'] ? `${message.key}:${message.values['seconds']}` : message.key,
      })),
    [fields],
  );
  return useUiFormFlow<F>({ ...options, fields, translate, readProblems, problemTitle: t('form.problemTitle') });
}
