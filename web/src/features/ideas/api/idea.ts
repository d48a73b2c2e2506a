// The documents are in idea.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export { IdeaDocument as IDEA } from '../../../gql/graphql';
