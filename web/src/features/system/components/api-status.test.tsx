import type { MockedResponse } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../i18n/i18n';
import { API_STATUS } from '../api/api-status';
import { ApiStatus } from './api-status';

function renderWith(mocks: MockedResponse[], language: 'en' | 'es' = 'en') {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <MockedProvider mocks={mocks}>
        <ApiStatus />
      </MockedProvider>
    </I18nextProvider>,
  );
}

describe('ApiStatus', () => {
  it('says the service is up once the API answers', async () => {
    renderWith([{ request: { query: API_STATUS }, result: { data: { __typename: 'Query' } } }]);
    expect(screen.getByRole('status')).toHaveTextContent('Checking the service');
    expect(await screen.findByText('The service is up and answering.')).toBeInTheDocument();
  });

  it('says so, in words, when the API cannot be reached', async () => {
    renderWith([{ request: { query: API_STATUS }, error: new Error('network down') }]);
    expect(await screen.findByText(/cannot be reached/)).toBeInTheDocument();
  });

  it('speaks Spanish when asked', async () => {
    renderWith([{ request: { query: API_STATUS }, result: { data: { __typename: 'Query' } } }], 'es');
    expect(await screen.findByText('El servicio está activo y responde.')).toBeInTheDocument();
  });
});
