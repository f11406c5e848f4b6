import { useNamespaceErrorMessage, useNamespaceForm, type NamespaceFormOptions } from '@anyam/client/ui';

/** One message in the viewer's language for a failed request, with the field it is about (if any). */
export const useForumErrorMessage = () => useNamespaceErrorMessage('forum');

export type ForumFormOptions<F extends string> = NamespaceFormOptions<F>;

/** A forum form: the shared form flow with the forum namespace's messages. */
export const useForumForm = <F extends string>(options: ForumFormOptions<F>) => useNamespaceForm<F>('forum', options);
