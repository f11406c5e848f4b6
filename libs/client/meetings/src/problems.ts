import { useNamespaceErrorMessage, useNamespaceForm, type NamespaceFormOptions } from '@anyam/client/ui';

/** One message in the viewer's language for a failed request, with the field it is about (if any). */
export const useMeetingsErrorMessage = () => useNamespaceErrorMessage('meetings');

export type MeetingsFormOptions<F extends string> = NamespaceFormOptions<F>;

/** A meetings form: the shared form flow with the meetings namespace's messages. */
export const useMeetingsForm = <F extends string>(options: MeetingsFormOptions<F>) => useNamespaceForm<F>('meetings', options);
