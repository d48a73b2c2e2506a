// The documents are in activity.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export { MyActivityDocument as MY_ACTIVITY } from '../../../gql/graphql';
