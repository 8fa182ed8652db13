import {
  Alert,
  AppShell,
  Badge,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconActivity,
  IconChevronDown,
  IconEye,
  IconKey,
  IconListDetails,
  IconLogout,
  IconRefresh,
  IconSettings,
  IconShieldLock,
  IconTrashX,
  IconUserShield,
  IconUsers,
  IconUsersGroup,
  IconWebhook,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useOrganization } from '../api/use-organization';
import { BrandMark } from '../components/brand-mark';
import { ColorSchemeToggle } from '../components/color-scheme-toggle';
import { formatDateTime } from '../components/date.format';
import { useSession } from '../features/auth/api/use-session';
import { useSignOut } from '../features/auth/api/use-sign-out';
import { usePendingDeletions } from '../features/pending-deletions/api/use-pending-deletions';
import { ProvisioningDeleteBanner } from '../features/pending-deletions/components/provisioning-delete-banner';
import { useWebhooks } from '../features/webhooks/api/use-webhooks';
import { showsDeletionBanner } from './deletion-banner.paths';
import { PageSuspense } from './lazy-page';

interface NavItem {
  label: string;
  to: string;
  icon: ReactNode;
  /** Active only on exactly this path (the SSO page's tabs share a prefix). */
  end?: boolean;
}

const NAV_ITEMS: NavItem[] = [
  { label: 'Single Sign-On', to: '/sso', icon: <IconShieldLock size={18} />, end: true },
  { label: 'Provisioning', to: '/sso/provisioning', icon: <IconRefresh size={18} /> },
  { label: 'Users', to: '/users', icon: <IconUsers size={18} /> },
  { label: 'Teams', to: '/teams', icon: <IconUsersGroup size={18} /> },
  { label: 'Pending deletions', to: '/pending-deletions', icon: <IconTrashX size={18} /> },
  { label: 'Provisioning log', to: '/provisioning-log', icon: <IconListDetails size={18} /> },
  { label: 'Activity', to: '/activity', icon: <IconActivity size={18} /> },
  { label: 'Webhooks', to: '/webhooks', icon: <IconWebhook size={18} /> },
  { label: 'Settings', to: '/settings', icon: <IconSettings size={18} />, end: true },
  { label: 'API keys', to: '/settings/api-keys', icon: <IconKey size={18} /> },
  { label: 'Admins', to: '/settings/admins', icon: <IconUserShield size={18} /> },
];

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const session = useSession();
  // The organization query follows a rename at once; the session has the name from sign-in.
  const organization = useOrganization();
  const organizationName = organization.data?.name ?? session.data?.organization.name;
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const pending = usePendingDeletions();
  const pendingCount = pending.data?.teams.length ?? 0;
  const webhooks = useWebhooks();
  const failingWebhooks = (webhooks.data?.webhooks ?? []).filter(
    (endpoint) => endpoint.status === 'failing',
  );
  const failingSince = failingWebhooks
    .map((endpoint) => endpoint.failingSince)
    .filter((since): since is string => since !== null)
    .sort()[0];

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      {/* The first stop of Tab: past the header and the navigation, straight to the page. */}
      <a href="#main-content" className="rollcall-skip-link">
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
            />
            <BrandMark />
            <Text fw={700} fz="lg">
              Rollcall
            </Text>
            {organizationName ? (
              <Badge
                variant="light"
                color="gray"
                visibleFrom="xs"
                tt="none"
                size="lg"
                fw={500}
                maw={320}
                aria-label={`Organization: ${organizationName}`}
              >
                {organizationName}
              </Badge>
            ) : null}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <ColorSchemeToggle />
            <Menu position="bottom-end" width={220} withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label="Account menu">
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500} visibleFrom="sm" maw={220} truncate>
                      {session.data?.admin.email}
                    </Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{session.data?.admin.email}</Menu.Label>
                <Menu.Item
                  leftSection={<IconUserShield size={16} />}
                  onClick={() => void navigate('/account')}
                >
                  Your account
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconKey size={16} />}
                  onClick={() => window.open('/api/docs', '_blank', 'noopener')}
                >
                  API documentation
                </Menu.Item>
                <Menu.Item
                  color="red"
                  leftSection={<IconLogout size={16} />}
                  onClick={() =>
                    signOut.mutate(undefined, {
                      onSettled: () => void navigate('/sign-in', { replace: true }),
                    })
                  }
                >
                  Sign out
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Main">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2} component="nav" aria-label="Main navigation">
            {NAV_ITEMS.map((item) => (
              <NavLink
                key={item.to}
                component={RouterNavLink}
                to={item.to}
                end={item.end}
                label={item.label}
                leftSection={item.icon}
                onClick={close}
                active={
                  item.end
                    ? location.pathname === item.to
                    : location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)
                }
                rightSection={
                  item.to === '/pending-deletions' && pendingCount > 0 ? (
                    <Badge size="sm" color="orange" variant="filled" circle>
                      {pendingCount}
                    </Badge>
                  ) : item.to === '/webhooks' && failingWebhooks.length > 0 ? (
                    <FailingWebhooksBadge count={failingWebhooks.length} since={failingSince} />
                  ) : null
                }
                styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
              />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" pb={4}>
            SCIM 2.0 · Microsoft Entra ID
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1}>
        <Stack maw={1200} mx="auto" gap={0}>
          {showsDeletionBanner(location.pathname) ? <ProvisioningDeleteBanner /> : null}
          <ReadOnlyForViewers isViewer={session.data?.admin.role === 'viewer'}>
            <PageSuspense>
              <Outlet />
            </PageSuspense>
          </ReadOnlyForViewers>
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}

/**
 * A viewer may only read (the API answers their writes 403 ROLE_FORBIDDEN): a disabled
 * fieldset, styled away, disables every control on the page at once. Dialogs render in a
 * portal outside it, but only a control inside can open one.
 */
function ReadOnlyForViewers({ isViewer, children }: { isViewer: boolean; children: ReactNode }) {
  return (
    <>
      {isViewer ? (
        <Alert
          color="blue"
          variant="light"
          icon={<IconEye size={18} />}
          py="xs"
          mb="md"
          role="status"
        >
          You have read-only access (viewer).
        </Alert>
      ) : null}
      <fieldset disabled={isViewer} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        {children}
      </fieldset>
    </>
  );
}

/** Red on the Webhooks item while a receiver is failing: events are not reaching it. */
function FailingWebhooksBadge({ count, since }: { count: number; since: string | undefined }) {
  const label = `${count === 1 ? 'The receiver has' : `${count} receivers have`} been failing${
    since ? ` since ${formatDateTime(since)}` : ''
  }`;
  return (
    <Tooltip label={label} withArrow position="right">
      <Badge size="sm" color="red" variant="filled" aria-label={label}>
        Failing
      </Badge>
    </Tooltip>
  );
}
