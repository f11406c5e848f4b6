import { readApiProblems } from '@anyam/client/graphql';
import { useFormFlow, type FieldRule } from '@anyam/client/ui';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What the API said, as translation keys of the learning namespace (never a bare code): per field and
 * reason, per reason, per code.
 */
export function learningProblemKeys(error: unknown) {
  return readApiProblems(error).map((problem) => {
    const keys: string[] = [];
    if (problem.field && problem.reason) keys.push(`errors.${problem.field}.${problem.reason}`);
    if (problem.reason) keys.push(`errors.reason.${problem.reason}`);
    keys.push(`errors.code.${problem.code}`, 'errors.code.UNKNOWN');
    return { field: problem.field, keys, wait: problem.retryAfterSeconds };
  });
}

/** One message in the viewer's language for a failed request, with the field it is about (if any). */
export function useLearningErrorMessage() {
  const { t, i18n } = useTranslation('learning');
  return useCallback(
    (error: unknown): { field: string | null; message: string } => {
      const [first] = learningProblemKeys(error);
      if (!first) return { field: null, message: t('errors.code.NETWORK') };
      if (first.wait) return { field: null, message: t('errors.wait', { count: first.wait }) };
      const key = first.keys.find((k) => i18n.exists(k, { ns: 'learning' })) ?? 'errors.code.UNKNOWN';
      return { field: first.field ?? null, message: t(key) };
    },
    [t, i18n],
  );
}

export interface LearningFormOptions<F extends string> {
  id: string;
  initial: Record<F, string>;
  rules?: Partial<Record<F, FieldRule<F>>>;
  fields?: Partial<Record<string, F>>;
}

/** A learning form: the shared form flow with the learning namespace's messages. */
export function useLearningForm<F extends string>(options: LearningFormOptions<F>) {
  const { t, i18n } = useTranslation('learning');
  const translate = useCallback((key: string) => t(key), [t]);
  const readProblems = useCallback(
    (error: unknown) =>
      learningProblemKeys(error).map((problem) => ({
        field: problem.field ?? undefined,
        key: problem.keys.find((k) => i18n.exists(k, { ns: 'learning' })) ?? 'errors.code.UNKNOWN',
      })),
    [i18n],
  );
  return useFormFlow<F>({ ...options, translate, readProblems, problemTitle: t('form.problemTitle') });
}
