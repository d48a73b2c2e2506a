// The documents are in webhooks.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export {
  MyWebhooksDocument as MY_WEBHOOKS,
  CreateWebhookDocument as CREATE_WEBHOOK,
  DeleteWebhookDocument as DELETE_WEBHOOK,
} from '../../../gql/graphql';
