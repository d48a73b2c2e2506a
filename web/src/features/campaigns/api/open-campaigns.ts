// The documents are in open-campaigns.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export { OpenCampaignsDocument as OPEN_CAMPAIGNS } from '../../../gql/graphql';
