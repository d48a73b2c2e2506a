// The documents are in account.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export {
  RequestEmailVerificationDocument as REQUEST_EMAIL_VERIFICATION,
  RequestPasswordResetDocument as REQUEST_PASSWORD_RESET,
  ResetPasswordDocument as RESET_PASSWORD,
  VerifyEmailDocument as VERIFY_EMAIL,
} from '../../../gql/graphql';
