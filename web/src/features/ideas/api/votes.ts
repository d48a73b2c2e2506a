// The documents are in votes.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export { CastVoteDocument as CAST_VOTE, RetractVoteDocument as RETRACT_VOTE } from '../../../gql/graphql';
