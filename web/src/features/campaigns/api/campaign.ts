// The documents are in campaign.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export {
  CampaignDocument as CAMPAIGN,
  OverdueIdeasDocument as OVERDUE_IDEAS,
  CampaignResultsDocument as CAMPAIGN_RESULTS,
} from '../../../gql/graphql';
