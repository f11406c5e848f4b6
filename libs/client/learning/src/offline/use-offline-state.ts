import { useSession } from '@anyam/client/account';
import { useEffect, useState } from 'react';
import { lastMember, offlineAvailable, offlineModules, onOfflineChange, progressQueue, type OfflineModule } from './offline-db';
import type { QueuedCompletion } from './progress-queue';

/**
 * Whose offline data this browser shows: the signed-in member, or (offline, before the session could be
 * renewed) the last member who was signed in here. null when there is nobody.
 */
export function useOfflineMemberId(): string | null {
  const { member, status } = useSession();
  const [remembered, setRemembered] = useState<string | null>(null);
  useEffect(() => {
    if (member || !offlineAvailable()) return;
    let live = true;
    void lastMember().then((id) => live && setRemembered(id)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [member]);
  if (member) return member.id;
  // Online and signed out means really signed out: show nothing that belonged to someone.
  if (status === 'signedOut' && typeof navigator !== 'undefined' && navigator.onLine) return null;
  return remembered;
}

export interface OfflineState {
  memberId: string | null;
  modules: OfflineModule[];
  pending: QueuedCompletion[];
  ready: boolean;
}

/** The modules kept offline and the completions waiting to sync, for the current member; live. */
export function useOfflineState(): OfflineState {
  const memberId = useOfflineMemberId();
  const [state, setState] = useState<OfflineState>({ memberId, modules: [], pending: [], ready: false });
  useEffect(() => {
    if (!memberId || !offlineAvailable()) {
      setState({ memberId, modules: [], pending: [], ready: true });
      return;
    }
    let live = true;
    const load = () =>
      void Promise.all([offlineModules(memberId), progressQueue.pending(memberId)])
        .then(([modules, pending]) => live && setState({ memberId, modules, pending, ready: true }))
        .catch(() => live && setState({ memberId, modules: [], pending: [], ready: true }));
    load();
    const stopA = onOfflineChange(load);
    const stopB = progressQueue.subscribe(load);
    return () => {
      live = false;
      stopA();
      stopB();
    };
  }, [memberId]);
  return state;
}
