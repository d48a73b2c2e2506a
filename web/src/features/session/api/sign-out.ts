// The documents are in sign-out.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export { SignOutDocument as SIGN_OUT } from '../../../gql/graphql';
