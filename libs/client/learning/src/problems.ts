import { useNamespaceErrorMessage, useNamespaceForm, type NamespaceFormOptions } from '@anyam/client/ui';

/** One message in the viewer's language for a failed request, with the field it is about (if any). */
export const useLearningErrorMessage = () => useNamespaceErrorMessage('learning');

export type LearningFormOptions<F extends string> = NamespaceFormOptions<F>;

/** A learning form: the shared form flow with the learning namespace's messages. */
export const useLearningForm = <F extends string>(options: LearningFormOptions<F>) => useNamespaceForm<F>('learning', options);
