// The documents are in api-tokens.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export {
  MyApiTokensDocument as MY_API_TOKENS,
  CreateApiTokenDocument as CREATE_API_TOKEN,
  RevokeApiTokenDocument as REVOKE_API_TOKEN,
} from '../../../gql/graphql';
