import { ApolloProvider } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import type { createRouter } from './router';

interface AppProps {
  client: ApolloClient;
  i18n: i18n;
  router: ReturnType<typeof createRouter>;
}

export function App({ client, i18n, router }: AppProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </I18nextProvider>
  );
}
