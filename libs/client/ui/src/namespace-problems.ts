import { readApiProblems } from '@anyam/client/graphql';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldRule } from './use-form';
import { useFormFlow } from './use-form-flow';

export interface NamespaceProblem {
  /** The API field it belongs to, if any. */
  field: string | null | undefined;
  /** Translation keys to try in order, most specific first ("errors.title.tooLong", "errors.reason.tooLong", …). */
  keys: string[];
  /** RATE_LIMITED: seconds to wait. */
  wait: number | null | undefined;
}

/** What the API said, as translation keys of a page namespace (never a bare code): per field and reason, per reason, per code. */
export function namespaceProblemKeys(error: unknown): NamespaceProblem[] {
  return readApiProblems(error).map((problem) => {
    const keys: string[] = [];
    if (problem.field && problem.reason) keys.push(`errors.${problem.field}.${problem.reason}`);
    if (problem.reason) keys.push(`errors.reason.${problem.reason}`);
    keys.push(`errors.code.${problem.code}`, 'errors.code.UNKNOWN');
    return { field: problem.field, keys, wait: problem.retryAfterSeconds };
  });
}

/** One message in the viewer's language for a failed request ("Wait 8 seconds before posting again"), with its field. */
export function useNamespaceErrorMessage(ns: string) {
  const { t, i18n } = useTranslation(ns);
  return useCallback(
    (error: unknown): { field: string | null; message: string } => {
      const [first] = namespaceProblemKeys(error);
      if (!first) return { field: null, message: t(i18n.exists('errors.code.NETWORK', { ns }) ? 'errors.code.NETWORK' : 'errors.code.UNKNOWN') };
      if (first.wait) return { field: null, message: t('errors.wait', { count: first.wait }) };
      const key = first.keys.find((k) => i18n.exists(k, { ns })) ?? 'errors.code.UNKNOWN';
      return { field: first.field ?? null, message: t(key) };
    },
    [t, i18n, ns],
  );
}

export interface NamespaceFormOptions<F extends string> {
  id: string;
  initial: Record<F, string>;
  rules?: Partial<Record<F, FieldRule<F>>>;
  /** Which form field shows an API field's problem. */
  fields?: Partial<Record<string, F>>;
}

/** A form of a page namespace: the shared form flow with that namespace's messages (`errors.*`, `form.problemTitle`). */
export function useNamespaceForm<F extends string>(ns: string, options: NamespaceFormOptions<F>) {
  const { t, i18n } = useTranslation(ns);
  const translate = useCallback((key: string) => t(key), [t]);
  const readProblems = useCallback(
    (error: unknown) =>
      namespaceProblemKeys(error).map((problem) => ({
        field: problem.field ?? undefined,
        key: problem.keys.find((k) => i18n.exists(k, { ns })) ?? 'errors.code.UNKNOWN',
      })),
    [i18n, ns],
  );
  return useFormFlow<F>({ ...options, translate, readProblems, problemTitle: t('form.problemTitle') });
}
