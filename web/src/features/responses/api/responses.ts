// The documents are in responses.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export {
  AwaitingIdeasDocument as AWAITING_IDEAS,
  PostOfficialResponseDocument as POST_RESPONSE,
} from '../../../gql/graphql';
