import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { SignInPage } from '../features/auth/components/sign-in-page';
import { PendingDeletionsPage } from '../features/pending-deletions/components/pending-deletions-page';
import { ProvisioningLogPage } from '../features/provisioning-log/components/provisioning-log-page';
import { SettingsPage } from '../features/settings/components/settings-page';
import { SsoPage } from '../features/sso-settings/components/sso-page';
import { TeamDetailPage } from '../features/teams/components/team-detail-page';
import { TeamsPage } from '../features/teams/components/teams-page';
import { UsersPage } from '../features/users/components/users-page';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { RequireSession } from './require-session';

/** The API sends Sign in with Microsoft's refusals to `/signin?error=<code>`. */
function SignInAlias() {
  const { search } = useLocation();
  return <Navigate to={`/sign-in${search}`} replace />;
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/signin', element: <SignInAlias /> },
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
          { path: 'settings', element: <SettingsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
