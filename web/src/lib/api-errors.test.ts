import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { fieldText } from '@consulta/shared/field-messages';
import { createI18n } from '../i18n/i18n';
import { readApiError, refusalText } from './api-errors';

const refused = new CombinedGraphQLErrors({
  errors: [
    {
      message: 'Some of the input is not valid.',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: {
          title: fieldText('lengthBetween', { min: 5, max: 140 }),
          password: fieldText('passwordCommon'),
          other: 'Words the app has no key for.',
          future: 'Words with a key the app does not know yet.',
        },
        fieldKeys: {
          title: { key: 'lengthBetween', values: { min: 5, max: 140 } },
          password: { key: 'passwordCommon' },
          future: { key: 'notInTheCatalogs' },
        },
      },
    },
  ],
});

describe('readApiError', () => {
  it('says refused fields in the reader’s language from their keys', () => {
    const spanish = createI18n('es').t;
    expect(readApiError(refused, spanish)?.fields).toEqual({
      title: 'Use de 5 a 140 caracteres.',
      password: 'Esta contraseña es demasiado común. Elija una más difícil de adivinar.',
      other: 'Words the app has no key for.',
      future: 'Words with a key the app does not know yet.',
    });
  });

  it('says them in English with the same words as the API', () => {
    const english = createI18n('en').t;
    const fields = readApiError(refused, english)!.fields;
    expect(fields.title).toBe('Use 5 to 140 characters.');
    expect(fields.password).toBe(fieldText('passwordCommon'));
  });

  it('keeps the API’s words when read without a language', () => {
    expect(readApiError(refused)?.fields.title).toBe('Use 5 to 140 characters.');
  });

  it('says a refusal by its named reason when it has one, else by its code', () => {
    const spanish = createI18n('es').t;
    const forbidden = (reason?: string) =>
      readApiError(
        new CombinedGraphQLErrors({
          errors: [{ message: 'Refused.', extensions: { code: 'FORBIDDEN', ...(reason ? { reason } : {}) } }],
        }),
      );
    expect(refusalText(forbidden('EMAIL_NOT_VERIFIED'), spanish)).toMatch(
      /^Esto requiere una dirección de correo confirmada/,
    );
    expect(refusalText(forbidden('SOMETHING_NEW'), spanish)).toBe(spanish('errors.code.FORBIDDEN'));
    expect(refusalText(forbidden(), spanish)).toBe(spanish('errors.code.FORBIDDEN'));
    expect(refusalText(null, spanish)).toBe(spanish('errors.code.NETWORK'));
  });
});
