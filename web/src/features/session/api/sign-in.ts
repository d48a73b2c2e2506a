// The documents are in sign-in.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export { SignInDocument as SIGN_IN } from '../../../gql/graphql';
