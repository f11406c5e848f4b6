import { useApolloClient } from '@apollo/client/react';
import {
  hasCode,
  MeDocument,
  RefreshSessionDocument,
  SignInDocument,
  SignOutDocument,
  SignUpDocument,
  useMeQuery,
  useMeUpdatedSubscription,
  type AccessTokenStore,
  type MemberFieldsFragment,
  type MeQuery,
  type RefreshSessionMutation,
  type SignInInput,
  type SignInMutation,
  type SignInMutationVariables,
  type SignUpInput,
  type SignUpMutation,
  type SignUpMutationVariables,
} from '@anyam/client/graphql';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export type Member = MemberFieldsFragment;
export type SessionStatus = 'loading' | 'signedIn' | 'signedOut';

export interface Session {
  /** The signed-in member, kept fresh from the Apollo cache (profile edits, `meUpdated` from other tabs/devices). */
  member: Member | null;
  status: SessionStatus;
  signIn(input: SignInInput): Promise<Member>;
  signUp(input: SignUpInput): Promise<Member>;
  signOut(): Promise<void>;
  /** Trade the refresh cookie for a new access token; false (and signed out) when there is no valid session. */
  refresh(): Promise<boolean>;
}

interface AuthFields {
  accessToken: string;
  expiresAt: string;
  member: Member;
}

const SessionContext = createContext<Session | null>(null);

const CHANNEL = 'anyam-session';
const LOCK = 'anyam-session-refresh';

/** The server sets this script-readable cookie next to the httpOnly refresh cookie: no hint, no session to renew. */
const SESSION_HINT = /(?:^|;\s*)anyam_session=1(?:;|$)/;
const hasSessionHint = () => typeof document !== 'undefined' && SESSION_HINT.test(document.cookie);

/** Runs `task` while holding a lock shared by all tabs, so two tabs never rotate the same refresh token at once. */
function withTabLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request(LOCK, task) as Promise<T>) : task();
}

export function SessionProvider({ auth, children }: { auth: AccessTokenStore; children: ReactNode }) {
  const client = useApolloClient();
  const [status, setStatus] = useState<SessionStatus>('loading');
  const statusRef = useRef(status);
  statusRef.current = status;
  const { data } = useMeQuery({ fetchPolicy: 'cache-only' });
  const timer = useRef<number | undefined>(undefined);
  const channel = useMemo(
    () => (typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(CHANNEL) : null),
    [],
  );

  const accept = useCallback(
    (payload: AuthFields): Member => {
      auth.set(payload.accessToken, payload.expiresAt);
      client.writeQuery<MeQuery>({ query: MeDocument, data: { me: payload.member } });
      setStatus('signedIn');
      // Refresh a minute before the access token runs out, so requests rarely meet an expired one.
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void auth.refresh(), Math.max(15_000, auth.remainingMs - 60_000));
      return payload.member;
    },
    [auth, client],
  );

  const drop = useCallback(async () => {
    window.clearTimeout(timer.current);
    auth.clear();
    // Forget the previous member's data. resetStore keeps the cache watches of mounted queries (clearStore
    // would discard them, and `me` below would never reach the session again) and refetches them as a visitor.
    await client.resetStore().catch(() => undefined);
    client.writeQuery<MeQuery>({ query: MeDocument, data: { me: null } });
    setStatus('signedOut');
  }, [auth, client]);

  const refreshNow = useCallback(async (): Promise<boolean> => {
    try {
      const payload = await withTabLock(async () => {
        const result = await client.mutate<RefreshSessionMutation>({
          mutation: RefreshSessionDocument,
          fetchPolicy: 'no-cache',
        });
        if (!result.data) throw new Error('refreshSession returned no data');
        return result.data.refreshSession;
      });
      accept(payload);
      return true;
    } catch (error) {
      // Offline in the middle of a session: keep what we have and let the request fail; the next one retries.
      if (statusRef.current === 'signedIn' && !hasCode(error, 'UNAUTHENTICATED') && error instanceof TypeError) {
        return false;
      }
      await drop();
      return false;
    }
  }, [accept, client, drop]);

  useEffect(() => {
    auth.setRefresher(refreshNow);
    if (hasSessionHint()) void auth.refresh();
    else {
      // A visitor (or a session that has ended): no request, nothing cached to forget.
      client.writeQuery<MeQuery>({ query: MeDocument, data: { me: null } });
      setStatus('signedOut');
    }
    return () => {
      auth.setRefresher(null);
      window.clearTimeout(timer.current);
    };
  }, [auth, client, refreshNow]);

  // Other tabs of the same browser: follow their sign-in and sign-out.
  useEffect(() => {
    if (!channel) return;
    channel.onmessage = (event: MessageEvent) => {
      if (event.data === 'signedOut' && statusRef.current !== 'signedOut') void drop();
      if (event.data === 'signedIn' && statusRef.current !== 'signedIn') void auth.refresh();
    };
    return () => {
      channel.onmessage = null;
    };
  }, [auth, channel, drop]);

  // The member's own profile changed elsewhere (another tab or device): the result lands in the cache.
  useMeUpdatedSubscription({ skip: status !== 'signedIn' });

  const signIn = useCallback(
    async (input: SignInInput) => {
      const result = await client.mutate<SignInMutation, SignInMutationVariables>({
        mutation: SignInDocument,
        variables: { input },
        fetchPolicy: 'no-cache',
      });
      if (!result.data) throw new Error('signIn returned no data');
      const member = accept(result.data.signIn);
      channel?.postMessage('signedIn');
      return member;
    },
    [accept, channel, client],
  );

  const signUp = useCallback(
    async (input: SignUpInput) => {
      const result = await client.mutate<SignUpMutation, SignUpMutationVariables>({
        mutation: SignUpDocument,
        variables: { input },
        fetchPolicy: 'no-cache',
      });
      if (!result.data) throw new Error('signUp returned no data');
      const member = accept(result.data.signUp);
      channel?.postMessage('signedIn');
      return member;
    },
    [accept, channel, client],
  );

  const signOut = useCallback(async () => {
    try {
      await client.mutate({ mutation: SignOutDocument });
    } catch {
      // Signed out here either way; the server forgets the refresh token when it expires.
    }
    await drop();
    channel?.postMessage('signedOut');
  }, [channel, client, drop]);

  const member = status === 'signedIn' ? (data?.me ?? null) : null;
  const value = useMemo<Session>(
    () => ({ member, status, signIn, signUp, signOut, refresh: () => auth.refresh() }),
    [auth, member, status, signIn, signUp, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a <SessionProvider> above it');
  return session;
}
