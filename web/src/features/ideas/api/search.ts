// The documents are in search.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export { SearchIdeasDocument as SEARCH_IDEAS } from '../../../gql/graphql';
