// The documents are in viewer.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export { ViewerDocument as VIEWER } from '../../../gql/graphql';
