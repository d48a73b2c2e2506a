// The documents are in submit-idea.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export {
  SubmitIdeaDocument as SUBMIT_IDEA,
  SimilarIdeasDocument as SIMILAR_IDEAS,
  CampaignForIdeaDocument as CAMPAIGN_FOR_IDEA,
} from '../../../gql/graphql';
