// The documents are in follows.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export { FollowIdeaDocument as FOLLOW_IDEA, UnfollowIdeaDocument as UNFOLLOW_IDEA } from '../../../gql/graphql';
