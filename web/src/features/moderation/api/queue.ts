// The documents are in queue.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export {
  ModerationQueueDocument as MODERATION_QUEUE,
  ResolveFlagDocument as RESOLVE_FLAG,
  HideContentDocument as HIDE_CONTENT,
  RestoreContentDocument as RESTORE_CONTENT,
  SuspendUserDocument as SUSPEND_USER,
  ModerationLogDocument as MODERATION_LOG,
} from '../../../gql/graphql';
