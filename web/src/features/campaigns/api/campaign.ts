// The documents are in campaign.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export { CampaignDocument as CAMPAIGN } from '../../../gql/graphql';
