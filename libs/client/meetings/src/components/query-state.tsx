import { NamespaceQueryState } from '@anyam/client/ui';

/** The shared loading / not found / error state, with this area's messages and way back to /meetings. */
export function QueryState(props: { loading: boolean; error?: unknown; retry?: () => void }) {
  return <NamespaceQueryState ns="meetings" away={{ to: '/meetings', labelKey: 'state.toMeetings' }} {...props} />;
}
