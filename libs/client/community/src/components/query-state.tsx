import { NamespaceQueryState } from '@anyam/client/ui';

/** The shared loading / not found / error state, with this area's messages and way back to /hubs. */
export function QueryState(props: { loading: boolean; error?: unknown; retry?: () => void }) {
  return <NamespaceQueryState ns="community" away={{ to: '/hubs', labelKey: 'state.toHubs' }} {...props} />;
}
