import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { AppLayout } from './app-layout';
import { lazyPage, PageSuspense } from './lazy-page';
import { NotFoundPage } from './not-found-page';
import { RequireSession } from './require-session';

// Each page is its own chunk: the first load carries the shell and the page it lands on.
const SignInPage = lazyPage(
  () => import('../features/auth/components/sign-in-page'),
  (m) => m.SignInPage,
);
const MemberLandingPage = lazyPage(
  () => import('../features/auth/components/member-landing-page'),
  (m) => m.MemberLandingPage,
);
const AccountPage = lazyPage(
  () => import('../features/account/components/account-page'),
  (m) => m.AccountPage,
);
const SsoPage = lazyPage(
  () => import('../features/sso-settings/components/sso-page'),
  (m) => m.SsoPage,
);
const UsersPage = lazyPage(
  () => import('../features/users/components/users-page'),
  (m) => m.UsersPage,
);
const TeamsPage = lazyPage(
  () => import('../features/teams/components/teams-page'),
  (m) => m.TeamsPage,
);
const TeamDetailPage = lazyPage(
  () => import('../features/teams/components/team-detail-page'),
  (m) => m.TeamDetailPage,
);
const PendingDeletionsPage = lazyPage(
  () => import('../features/pending-deletions/components/pending-deletions-page'),
  (m) => m.PendingDeletionsPage,
);
const ProvisioningLogPage = lazyPage(
  () => import('../features/provisioning-log/components/provisioning-log-page'),
  (m) => m.ProvisioningLogPage,
);
const ApiKeysPage = lazyPage(
  () => import('../features/api-keys/components/api-keys-page'),
  (m) => m.ApiKeysPage,
);
const WebhooksPage = lazyPage(
  () => import('../features/webhooks/components/webhooks-page'),
  (m) => m.WebhooksPage,
);
const WebhookDetailPage = lazyPage(
  () => import('../features/webhooks/components/webhook-detail-page'),
  (m) => m.WebhookDetailPage,
);
const ActivityPage = lazyPage(
  () => import('../features/activity/components/activity-page'),
  (m) => m.ActivityPage,
);
const AdminsPage = lazyPage(
  () => import('../features/admins/components/admins-page'),
  (m) => m.AdminsPage,
);
const AcceptInvitationPage = lazyPage(
  () => import('../features/invitations/components/accept-invitation-page'),
  (m) => m.AcceptInvitationPage,
);
const SettingsPage = lazyPage(
  () => import('../features/settings/components/settings-page'),
  (m) => m.SettingsPage,
);

/**
 * The API sends single sign-on refusals to `/signin?error=<code>`, and an organization's
 * sign-in link may read `/login?org=<slug>`: both are the sign-in page.
 */
function SignInAlias() {
  const { search } = useLocation();
  return <Navigate to={`/sign-in${search}`} replace />;
}

export const router = createBrowserRouter([
  {
    path: '/sign-in',
    element: (
      <PageSuspense>
        <SignInPage />
      </PageSuspense>
    ),
  },
  {
    // MEMBER_LANDING_PATH: members signed in through single sign-on land here.
    path: '/signed-in',
    element: (
      <PageSuspense>
        <MemberLandingPage />
      </PageSuspense>
    ),
  },
  {
    // INVITATION_PATH_PREFIX: public, the token in the link is the credential.
    path: '/invitations/:token',
    element: (
      <PageSuspense>
        <AcceptInvitationPage />
      </PageSuspense>
    ),
  },
  { path: '/signin', element: <SignInAlias /> },
  { path: '/login', element: <SignInAlias /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to="/sso/provisioning" replace /> },
          { path: 'sso', element: <SsoPage tab="providers" /> },
          { path: 'sso/provisioning', element: <SsoPage tab="provisioning" /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'teams', element: <TeamsPage /> },
          { path: 'teams/:teamId', element: <TeamDetailPage /> },
          { path: 'pending-deletions', element: <PendingDeletionsPage /> },
          { path: 'provisioning-log', element: <ProvisioningLogPage /> },
          { path: 'activity', element: <ActivityPage /> },
          { path: 'webhooks', element: <WebhooksPage /> },
          { path: 'webhooks/:webhookId', element: <WebhookDetailPage /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: 'settings/api-keys', element: <ApiKeysPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'settings/admins', element: <AdminsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
