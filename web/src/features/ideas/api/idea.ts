// The documents are in idea.graphql and idea-live.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export {
  CampaignLiveDocument as CAMPAIGN_LIVE,
  IdeaDocument as IDEA,
  IdeaLiveDocument as IDEA_LIVE,
  UpdateIdeaDocument as UPDATE_IDEA,
  WithdrawIdeaDocument as WITHDRAW_IDEA,
} from '../../../gql/graphql';
