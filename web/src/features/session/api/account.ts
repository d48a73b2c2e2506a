// The documents are in account.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export {
  ChangePasswordDocument as CHANGE_PASSWORD,
  ConfirmEmailChangeDocument as CONFIRM_EMAIL_CHANGE,
  DeleteAccountDocument as DELETE_ACCOUNT,
  RequestEmailChangeDocument as REQUEST_EMAIL_CHANGE,
  RequestEmailVerificationDocument as REQUEST_EMAIL_VERIFICATION,
  RequestPasswordResetDocument as REQUEST_PASSWORD_RESET,
  ResetPasswordDocument as RESET_PASSWORD,
  VerifyEmailDocument as VERIFY_EMAIL,
} from '../../../gql/graphql';
