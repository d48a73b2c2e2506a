import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { createI18n, type Language } from '../src/i18n/i18n';
import { createCache } from '../src/lib/apollo';

/** A component with English (or `language`) strings, a router and an Apollo client that answers with `mocks` only. */
export function renderWith(ui: ReactElement, mocks: MockedProviderProps['mocks'] = [], language: Language = 'en') {
  const i18n = createI18n(language);
  const cache = createCache();
  // A wrapper (not a tree around `ui`), so that rerender keeps the providers and the cache.
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <MockedProvider mocks={mocks} cache={cache}>
        <MemoryRouter>{children}</MemoryRouter>
      </MockedProvider>
    </I18nextProvider>
  );
  return render(ui, { wrapper });
}
