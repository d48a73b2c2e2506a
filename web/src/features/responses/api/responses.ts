// The documents are in responses.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export {
  AwaitingIdeasDocument as AWAITING_IDEAS,
  IdeasToAnswerDocument as IDEAS_TO_ANSWER,
  PostOfficialResponseDocument as POST_RESPONSE,
} from '../../../gql/graphql';
