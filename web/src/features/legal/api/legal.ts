// The documents are in legal.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export { LegalPageDocument as LEGAL_PAGE } from '../../../gql/graphql';
