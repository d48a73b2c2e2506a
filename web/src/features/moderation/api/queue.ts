// The documents are in queue.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export {
  FlaggedContentDocument as FLAGGED_CONTENT,
  DecideOnFlaggedContentDocument as DECIDE_ON_FLAGGED_CONTENT,
  SuspendUserDocument as SUSPEND_USER,
  ModerationLogDocument as MODERATION_LOG,
  SuspensionsDocument as SUSPENSIONS,
  LiftSuspensionDocument as LIFT_SUSPENSION,
} from '../../../gql/graphql';
