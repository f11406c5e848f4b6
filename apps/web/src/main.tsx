import { ApolloProvider } from '@apollo/client/react';
import { SessionProvider } from '@anyam/client/account';
import { AccessTokenStore, createApolloClient } from '@anyam/client/graphql';
import { LiveRegionProvider } from '@anyam/client/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app';
import { initI18n } from './i18n';
import './shell.css';

const auth = new AccessTokenStore();
const client = createApolloClient({ auth });
void initI18n();

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
