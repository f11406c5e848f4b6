import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { Observable, type Subscription } from 'rxjs';
import type { Client as WsClient } from 'graphql-ws';
import type { AccessTokenStore } from './access-token';

/** Operations that answer UNAUTHENTICATED for their own reasons (wrong password, no cookie): never refresh-and-retry them. */
const NO_RETRY = new Set(['RefreshSession', 'SignIn', 'SignUp', 'SignOut', 'RequestPasswordReset', 'ResetPassword']);

export interface CreateApolloClientOptions {
  auth: AccessTokenStore;
  /** Defaults to `/graphql` on the page's own origin. */
  httpUrl?: string;
  /** Defaults to ws(s)://<host>/graphql. */
  wsUrl?: string;
}

function defaultWsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

/**
 * Subscriptions go over graphql-ws, loaded only when the first subscription starts (signed-out visitors
 * never download it). The connection sends the current access token; when someone signs in or out the
 * socket is terminated and graphql-ws reconnects, re-subscribing with the new token.
 */
class LazyWsLink extends ApolloLink {
  private client: Promise<{ client: WsClient; link: ApolloLink }> | null = null;

  constructor(
    private readonly url: string,
    private readonly auth: AccessTokenStore,
  ) {
    super();
    auth.onIdentityChange(() => {
      void this.client?.then(({ client }) => client.terminate());
    });
  }

  private load() {
    if (!this.client) {
      this.client = Promise.all([import('graphql-ws'), import('@apollo/client/link/subscriptions')]).then(
        ([{ createClient }, { GraphQLWsLink }]) => {
          const client = createClient({
            url: this.url,
            lazy: true,
            retryAttempts: Infinity,
            connectionParams: () => {
              const token = this.auth.current;
              return token ? { authorization: `Bearer ${token}` } : {};
            },
          });
          return { client, link: new GraphQLWsLink(client) };
        },
      );
    }
    return this.client;
  }

  override request(operation: ApolloLink.Operation): Observable<ApolloLink.Result> {
    return new Observable<ApolloLink.Result>((observer) => {
      let inner: Subscription | null = null;
      let closed = false;
      this.load().then(
        ({ link }) => {
          if (!closed) inner = link.request(operation, () => new Observable()).subscribe(observer);
        },
        (error: unknown) => observer.error(error),
      );
      return () => {
        closed = true;
        inner?.unsubscribe();
      };
    });
  }
}

export function createApolloClient({ auth, httpUrl = '/graphql', wsUrl }: CreateApolloClientOptions) {
  const withToken = new ApolloLink((operation, forward) => {
    const token = auth.current;
    if (token) {
      operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, authorization: `Bearer ${token}` },
      }));
    }
    return forward(operation);
  });

  // On UNAUTHENTICATED (an expired access token) refresh once and retry; if refreshing fails the
  // session layer has already marked the person signed out and the original error goes through.
  const refreshOnce = new ErrorLink(({ error, operation, forward }) => {
    if (!CombinedGraphQLErrors.is(error)) return;
    if (!error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')) return;
    if (NO_RETRY.has(operation.operationName ?? '') || operation.getContext()['retriedAfterRefresh']) return;
    return new Observable<ApolloLink.Result>((observer) => {
      let inner: Subscription | null = null;
      auth.refresh().then(
        (ok) => {
          if (!ok) {
            observer.error(error);
            return;
          }
          operation.setContext({ retriedAfterRefresh: true });
          inner = forward(operation).subscribe(observer);
        },
        () => observer.error(error),
      );
      return () => inner?.unsubscribe();
    });
  });

  const http = new HttpLink({ uri: httpUrl, credentials: 'same-origin' });
  const transport = ApolloLink.split(
    (operation) => isSubscriptionOperation(operation.query),
    new LazyWsLink(wsUrl ?? defaultWsUrl(), auth),
    http,
  );

  return new ApolloClient({
    link: ApolloLink.from([refreshOnce, withToken, transport]),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
