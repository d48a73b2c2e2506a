// The documents are in console.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export {
  MyAgencyCampaignsDocument as MY_AGENCY_CAMPAIGNS,
  ManagedCampaignDocument as MANAGED_CAMPAIGN,
  CreateCampaignDocument as CREATE_CAMPAIGN,
  UpdateCampaignDocument as UPDATE_CAMPAIGN,
  OpenCampaignDocument as OPEN_CAMPAIGN,
  CloseCampaignDocument as CLOSE_CAMPAIGN,
  CampaignAnalyticsDocument as CAMPAIGN_ANALYTICS,
} from '../../../gql/graphql';
