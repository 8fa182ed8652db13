import { Alert, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { Navigate } from 'react-router';
import { errorMessage } from '../../../api/api-error';
import { BrandMark } from '../../../components/brand-mark';
import { ColorSchemeToggle } from '../../../components/color-scheme-toggle';
import { useMemberSession, useMemberSignOut } from '../api/use-member-session';

/**
 * Where a member lands after single sign-on: who they are signed in as, in which organization,
 * and a way out. The dashboard itself is for the organization's admins.
 */
export function MemberLandingPage() {
  const session = useMemberSession();
  const signOut = useMemberSignOut();

  if (session.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (!session.data && !session.isError) return <Navigate to="/sign-in" replace />;

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" radius="md" p="xl" w={440} maw="100%">
        <Stack gap="md">
          <Group justify="space-between">
            <BrandMark />
            <ColorSchemeToggle />
          </Group>
          {session.data ? (
            <>
              <Group gap="xs" wrap="nowrap">
                <IconCircleCheck size={28} color="var(--mantine-color-teal-6)" aria-hidden />
                <Title order={1} size="h3">
                  You are signed in
                </Title>
              </Group>
              <Text>
                Signed in to <strong>{session.data.organization.name}</strong> as{' '}
                <strong>{session.data.user.userName}</strong> through your organization&apos;s
                single sign-on.
              </Text>
              <Text size="sm" c="dimmed">
                Your apps use this sign-in. The Rollcall dashboard is for your organization&apos;s
                administrators; ask them if you need a different role or team.
              </Text>
              {signOut.isError && (
                <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
                  {errorMessage(signOut.error)}
                </Alert>
              )}
              <Button
                variant="default"
                loading={signOut.isPending}
                onClick={() => signOut.mutate()}
              >
                Sign out
              </Button>
            </>
          ) : (
            <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
              {errorMessage(session.error)}
            </Alert>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
