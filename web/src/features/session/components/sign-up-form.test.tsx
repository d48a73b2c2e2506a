import { jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWith } from '../../../../test/render';
import { SIGN_UP } from '../api/sign-up';
import { SignUpForm } from './sign-up-form';

describe('SignUpForm', () => {
  it('checks the fields before sending: an error summary that takes the focus, and messages beside fields', async () => {
    document.title = 'Create an account | Consulta';
    const done = jest.fn();
    const created = {
      request: {
        query: SIGN_UP,
        variables: {
          input: { displayName: 'Ana', email: 'ana@example.org', password: 'short long enough now', language: 'en' },
        },
      },
      result: {
        data: { signUp: { __typename: 'AuthPayload', viewer: { __typename: 'Viewer', email: 'ana@example.org' } } },
      },
    };
    renderWith(<SignUpForm onDone={done} />, [created]);
    await userEvent.type(screen.getByLabelText('Email address'), 'nope');
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Create an account' }));
    const summary = await screen.findByTestId('error-summary');
    expect(summary).toHaveFocus();
    expect(summary).toHaveTextContent('There is a problem');
    expect(screen.getByRole('link', { name: 'Enter your name.' })).toHaveAttribute('href', '#sign-up-name');
    expect(screen.getByLabelText('Email address')).toHaveAttribute('aria-invalid', 'true');
    // What was typed stays.
    expect(screen.getByLabelText('Email address')).toHaveValue('nope');
    expect(document.title).toBe('Error: Create an account | Consulta');
    expect(done).not.toHaveBeenCalled();

    // Once the form is right, the summary and the title's "Error:" go away.
    await userEvent.type(screen.getByLabelText(/Your name/), 'Ana');
    await userEvent.clear(screen.getByLabelText('Email address'));
    await userEvent.type(screen.getByLabelText('Email address'), 'ana@example.org');
    await userEvent.type(screen.getByLabelText('Password'), ' long enough now');
    await userEvent.click(screen.getByRole('button', { name: 'Create an account' }));
    await waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId('error-summary')).not.toBeInTheDocument();
    expect(document.title).toBe('Create an account | Consulta');
  });

  it('refuses a name with text-direction controls before sending, by the shared rule', async () => {
    renderWith(<SignUpForm onDone={jest.fn()} />, []);
    await userEvent.type(screen.getByLabelText(/Your name/), 'Admin\u202Enimda');
    await userEvent.type(screen.getByLabelText('Email address'), 'ana@example.org');
    await userEvent.type(screen.getByLabelText('Password'), 'a long passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Create an account' }));
    expect(
      await screen.findByRole('link', { name: 'A name cannot contain control or text-direction characters.' }),
    ).toHaveAttribute('href', '#sign-up-name');
  });

  it('shows a taken email from the API in plain words, and counts characters of the name', async () => {
    const mocks = [
      {
        request: {
          query: SIGN_UP,
          variables: {
            input: { displayName: 'Ana', email: 'ana@example.org', password: 'a long passphrase', language: 'en' },
          },
        },
        result: { errors: [new GraphQLError('taken', { extensions: { code: 'CONFLICT' } })] },
      },
    ];
    renderWith(<SignUpForm onDone={jest.fn()} />, mocks);
    await userEvent.type(screen.getByLabelText(/Your name/), 'Ana');
    expect(screen.getByText('You have 77 characters left')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Email address'), 'ana@example.org');
    await userEvent.type(screen.getByLabelText('Password'), 'a long passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Create an account' }));
    await waitFor(() =>
      expect(screen.getByTestId('error-summary')).toHaveTextContent(
        'An account with this email address already exists. Sign in instead.',
      ),
    );
  });

  it('says the API’s refusal of a field in the reader’s language, beside the field', async () => {
    const input = { displayName: 'Ana', email: 'ana@example.org', password: 'password1234', language: 'es' };
    const mocks = [
      {
        request: { query: SIGN_UP, variables: { input } },
        result: {
          errors: [
            new GraphQLError('Some of the input is not valid.', {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: { password: 'This password is too common. Choose one that is harder to guess.' },
                fieldKeys: { password: { key: 'passwordCommon' } },
              },
            }),
          ],
        },
      },
    ];
    renderWith(<SignUpForm onDone={jest.fn()} />, mocks, 'es');
    await userEvent.type(screen.getByLabelText(/Su nombre/), input.displayName);
    await userEvent.type(screen.getByLabelText('Correo electrónico'), input.email);
    await userEvent.type(screen.getByLabelText('Contraseña'), input.password);
    await userEvent.click(screen.getByRole('button', { name: 'Crear una cuenta' }));
    const spanish = 'Esta contraseña es demasiado común. Elija una más difícil de adivinar.';
    expect(await screen.findByRole('link', { name: spanish })).toHaveAttribute('href', expect.stringMatching(/^#/));
    expect(screen.getByLabelText('Contraseña')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getAllByText(spanish)).toHaveLength(2);
    expect(screen.queryByText(/too common/)).not.toBeInTheDocument();
  });
});
