// The documents are in notifications.graphql; GraphQL Code Generator types them (npm run codegen -w web).
export {
  MarkNotificationsReadDocument as MARK_NOTIFICATIONS_READ,
  NotificationSettingsDocument as NOTIFICATION_SETTINGS,
  NotificationLiveDocument as NOTIFICATION_LIVE,
  NotificationsDocument as NOTIFICATIONS,
  UnreadNotificationCountDocument as UNREAD_NOTIFICATION_COUNT,
  UnsubscribeDocument as UNSUBSCRIBE,
  UpdateNotificationPreferencesDocument as UPDATE_NOTIFICATION_PREFERENCES,
  UpdateProfileDocument as UPDATE_PROFILE,
} from '../../../gql/graphql';
