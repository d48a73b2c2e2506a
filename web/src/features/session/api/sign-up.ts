// The documents are in sign-up.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export { SignUpDocument as SIGN_UP } from '../../../gql/graphql';
