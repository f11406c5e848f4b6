import { readApiProblems } from '@anyam/client/graphql';
import { useFormFlow, type FieldRule } from '@anyam/client/ui';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { communityProblems } from '../problems';

export interface CommunityFormOptions<F extends string> {
  id: string;
  initial: Record<F, string>;
  rules?: Partial<Record<F, FieldRule<F>>>;
  /** Which form field shows an API field's problem; others go to the summary. Same-named fields map themselves. */
  fields?: Partial<Record<string, F>>;
}

/** A community form: the shared form flow with the community namespace's messages. */
export function useCommunityForm<F extends string>(options: CommunityFormOptions<F>) {
  const { t, i18n } = useTranslation('community');
  const translate = useCallback((key: string) => t(key), [t]);
  const readProblems = useCallback(
    (error: unknown) =>
      communityProblems(readApiProblems(error)).map((problem) => ({
        field: problem.field ?? undefined,
        key: problem.keys.find((k) => i18n.exists(k, { ns: 'community' })) ?? 'errors.code.UNKNOWN',
      })),
    [i18n],
  );
  return useFormFlow<F>({ ...options, translate, readProblems, problemTitle: t('form.problemTitle') });
}
