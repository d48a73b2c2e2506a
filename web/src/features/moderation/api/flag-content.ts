// The documents are in flag-content.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export { FlagContentDocument as FLAG_CONTENT } from '../../../gql/graphql';
