import { ApolloProvider } from '@apollo/client/react';
import { SessionProvider } from '@anyam/client/account';
import { AccessTokenStore, createApolloClient } from '@anyam/client/graphql';
import { setAccessTokenSource } from '@anyam/client/learning';
import { LiveRegionProvider } from '@anyam/client/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app';
import { initI18n } from './i18n';
import './shell.css';

const auth = new AccessTokenStore();
const client = createApolloClient({ auth });
// Lesson files download with the same Bearer token as GraphQL.
setAccessTokenSource(() => auth.current);
void initI18n();

// The service worker (built from apps/web/build/sw.js) keeps the app shell so it opens without a connection.
// Registered after the page has loaded, so its downloads never compete with the first render.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
    // Files this page loaded before the worker controlled it (its interface language, its first page):
    // the worker keeps them too, so the next visit opens offline in the same language.
    void navigator.serviceWorker.ready.then((registration) => {
      const urls = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((url) => url.startsWith(`${location.origin}/assets/`));
      registration.active?.postMessage({ type: 'anyam:keep', urls });
    });
  });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <BrowserRouter>
        <LiveRegionProvider>
          <SessionProvider auth={auth}>
            <App />
          </SessionProvider>
        </LiveRegionProvider>
      </BrowserRouter>
    </ApolloProvider>
  </StrictMode>,
);
