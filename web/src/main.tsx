import '@trussworks/react-uswds/lib/uswds.css';
import '@trussworks/react-uswds/lib/index.css';
import './app/overrides.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createRouter } from './app/router';
import { createI18n } from './i18n/i18n';
import { createApolloClient } from './lib/apollo';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={createApolloClient()} i18n={createI18n()} router={createRouter()} />
  </StrictMode>,
);
