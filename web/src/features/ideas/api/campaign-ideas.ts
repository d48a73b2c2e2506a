// The documents are in campaign-ideas.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export { CampaignIdeasDocument as CAMPAIGN_IDEAS } from '../../../gql/graphql';
