import { useTranslation } from 'react-i18next';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './layout';
import { ActivityRoute } from './routes/activity-route';
import { CampaignRoute } from './routes/campaign-route';
import { ErrorRoute } from './routes/error-route';
import { HomeRoute } from './routes/home-route';
import { IdeaRoute } from './routes/idea-route';
import { PersonRoute } from './routes/person-route';
import { SearchRoute } from './routes/search-route';
import { LegalRoute } from './routes/legal-route';
import { NotFoundRoute } from './routes/not-found-route';
import { SignInRoute } from './routes/sign-in-route';
import { SignUpRoute } from './routes/sign-up-route';
import { SubmitIdeaRoute } from './routes/submit-idea-route';
import { CommonGroundRoute } from './routes/common-ground-route';
import { ForgotPasswordRoute } from './routes/forgot-password-route';
import { ResetPasswordRoute } from './routes/reset-password-route';
import { VerifyEmailRoute } from './routes/verify-email-route';
import { NotificationsRoute } from './routes/notifications-route';
import { SettingsRoute } from './routes/settings-route';
import { UnsubscribeRoute } from './routes/unsubscribe-route';
import { ConfirmEmailRoute } from './routes/confirm-email-route';
import { OverdueRoute } from './routes/overdue-route';
import { DevelopersRoute } from './routes/developers-route';

/** What shows while a console's code loads on a direct visit (before the layout can render). */
function RouteLoading() {
  const { t } = useTranslation();
  return <p role="status">{t('common.loading')}</p>;
}

/**
 * Citizen routes are in the main bundle; the officials', moderators' and admins' consoles load on demand,
 * so people who never open them never download them.
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <ErrorRoute />,
    hydrateFallbackElement: <RouteLoading />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'campaigns/:slug', element: <CampaignRoute /> },
      { path: 'campaigns/:slug/new-idea', element: <SubmitIdeaRoute /> },
      { path: 'campaigns/:slug/overdue', element: <OverdueRoute /> },
      { path: 'ideas/:id', element: <IdeaRoute /> },
      { path: 'people/:id', element: <PersonRoute /> },
      { path: 'search', element: <SearchRoute /> },
      { path: 'privacy', element: <LegalRoute page="PRIVACY" /> },
      { path: 'terms', element: <LegalRoute page="TERMS" /> },
      { path: 'accessibility', element: <LegalRoute page="ACCESSIBILITY" /> },
      { path: 'sign-in', element: <SignInRoute /> },
      { path: 'sign-up', element: <SignUpRoute /> },
      { path: 'forgot-password', element: <ForgotPasswordRoute /> },
      { path: 'reset-password', element: <ResetPasswordRoute /> },
      { path: 'verify-email', element: <VerifyEmailRoute /> },
      { path: 'activity', element: <ActivityRoute /> },
      { path: 'notifications', element: <NotificationsRoute /> },
      { path: 'settings', element: <SettingsRoute /> },
      { path: 'unsubscribe', element: <UnsubscribeRoute /> },
      { path: 'confirm-email', element: <ConfirmEmailRoute /> },
      { path: 'common-ground', element: <CommonGroundRoute /> },
      { path: 'developers', element: <DevelopersRoute /> },
      { path: 'console', lazy: async () => ({ Component: (await import('./routes/console-route')).ConsoleRoute }) },
      {
        path: 'console/new',
        lazy: async () => ({ Component: (await import('./routes/new-campaign-route')).NewCampaignRoute }),
      },
      {
        path: 'console/campaigns/:id/:section?',
        lazy: async () => ({ Component: (await import('./routes/manage-campaign-route')).ManageCampaignRoute }),
      },
      {
        path: 'moderation',
        lazy: async () => ({ Component: (await import('./routes/moderation-route')).ModerationRoute }),
      },
      { path: 'moderation/log', lazy: async () => ({ Component: (await import('./routes/log-route')).LogRoute }) },
      { path: 'admin', lazy: async () => ({ Component: (await import('./routes/admin-route')).AdminRoute }) },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
