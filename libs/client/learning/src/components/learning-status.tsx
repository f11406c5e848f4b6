import '../learning.css';
import { useApolloClient } from '@apollo/client/react';
import { useSession } from '@anyam/client/account';
import { CloudOff, RefreshCw, CircleCheck } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../offline/connectivity';
import { forgetMemberContent, lastMember, offlineAvailable, progressQueue, rememberMember } from '../offline/offline-db';
import { syncProgressNow } from '../offline/sync';
import { useOfflineState } from '../offline/use-offline-state';

type SyncPhase = 'idle' | 'syncing' | 'synced' | 'failed';

/**
 * Mounted once by the web shell, under the header. Keeps offline learning in step with the session and the
 * connection, and says so in one line (a polite live region, empty when there is nothing to say):
 *  - "You are offline · 2 modules available offline · 1 completion waiting to sync"
 *  - "Sending 1 completion…", then "Progress synced"
 * Sends waiting completions at start, when the connection comes back and when the member signs in; renews an
 * expired-while-offline session first; forgets the member's stored lessons when they sign out.
 */
export default function LearningStatus() {
  const { t } = useTranslation('learning');
  const client = useApolloClient();
  const { member, status, refresh } = useSession();
  const online = useOnline();
  const { modules, pending } = useOfflineState();
  const [phase, setPhase] = useState<SyncPhase>('idle');
  const [syncedCount, setSyncedCount] = useState(0);
  const previousMember = useRef<string | null>(null);
  const triedRefresh = useRef(false);
  const memberId = member?.id ?? null;

  // Remember who is signed in (lessons open offline before the session is back); forget on sign-out.
  useEffect(() => {
    if (!offlineAvailable()) return;
    if (memberId) {
      previousMember.current = memberId;
      void rememberMember(memberId).catch(() => undefined);
    } else if (status === 'signedOut' && previousMember.current && navigator.onLine) {
      const gone = previousMember.current;
      previousMember.current = null;
      void forgetMemberContent(gone).catch(() => undefined);
    }
  }, [memberId, status]);

  // Back online but signed out only because the session could not be renewed offline: renew it now.
  useEffect(() => {
    if (!online || status !== 'signedOut' || triedRefresh.current || !offlineAvailable()) return;
    let live = true;
    void (async () => {
      const id = await lastMember().catch(() => null);
      if (!live || !id || (await progressQueue.pending(id)).length === 0) return;
      triedRefresh.current = true;
      await refresh();
    })();
    return () => {
      live = false;
    };
  }, [online, status, refresh]);

  const waiting = pending.length;
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const [retry, setRetry] = useState(0);
  useEffect(() => {
    if (!online || !memberId || waiting === 0 || !offlineAvailable()) return;
    setPhase('syncing');
    // The result is applied even if `waiting` changed meanwhile (it drops to 0 as the queue empties).
    void syncProgressNow(client, memberId).then(
      async (result) => {
        if (!mounted.current) return;
        if (result.error || result.waiting > 0) {
          setPhase('failed');
          return;
        }
        setSyncedCount(result.done);
        setPhase('synced');
        // Pages showing progress (my learning, module, lesson) fetch it again.
        await client.refetchQueries({ include: 'active' }).catch(() => undefined);
      },
      () => mounted.current && setPhase('failed'),
    );
  }, [client, memberId, online, waiting, retry]);

  // Still waiting after a failure (server down, session not yet back): try again in 30 s.
  useEffect(() => {
    if (phase !== 'failed' || !online) return;
    const timer = window.setTimeout(() => setRetry((n) => n + 1), 30_000);
    return () => window.clearTimeout(timer);
  }, [phase, online]);

  useEffect(() => {
    if (phase !== 'synced') return;
    const timer = window.setTimeout(() => setPhase('idle'), 10_000);
    return () => window.clearTimeout(timer);
  }, [phase]);

  let content: React.ReactNode = null;
  if (!online) {
    content = (
      <>
        <CloudOff className="an-icon" aria-hidden="true" focusable="false" />
        <span>{t('status.offline')}</span>
        {modules.length > 0 && <span>{t('status.modulesOffline', { count: modules.length })}</span>}
        {waiting > 0 && <span>{t('status.waiting', { count: waiting })}</span>}
      </>
    );
  } else if (waiting > 0) {
    content = (
      <>
        <RefreshCw className="an-icon" aria-hidden="true" focusable="false" />
        <span>{phase === 'syncing' ? t('status.syncing', { count: waiting }) : t('status.waitingRetry', { count: waiting })}</span>
      </>
    );
  } else if (phase === 'synced' && syncedCount > 0) {
    content = (
      <>
        <CircleCheck className="an-icon" aria-hidden="true" focusable="false" />
        <span>{t('status.synced', { count: syncedCount })}</span>
      </>
    );
  }

  return (
    <div className="an-learn-status" role="status" data-testid="learning-status">
      {content}
    </div>
  );
}
