import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink } from '@tabler/icons-react';
import type { AdminAccountLinkView, SsoProviderKind } from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { confirmDestructive } from '../../../components/confirm-destructive';
import { formatDateTime } from '../../../components/date.format';
import { useStartAccountLink } from '../api/use-start-account-link';
import { useUnlinkAccount } from '../api/use-unlink-account';
import { ProviderDetail } from './provider-card';

interface MyAccountLinkProps {
  provider: SsoProviderKind;
  /** "Microsoft", the custom provider's display name, or "SAML SSO". */
  providerName: string;
  link: AdminAccountLinkView | null;
}

/**
 * The signed-in admin's own account at a provider: single sign-on opens a dashboard session
 * only for an admin who linked it here, never because an address matches.
 */
export function MyAccountLink({ provider, providerName, link }: MyAccountLinkProps) {
  const start = useStartAccountLink();
  const unlink = useUnlinkAccount();
  const startLink = () =>
    start.mutate(provider, {
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: `Could not start linking your ${providerName} account`,
          message: errorMessage(error),
        }),
    });
  const confirmUnlink = () =>
    confirmDestructive({
      title: <>Unlink your {providerName} account?</>,
      children: (
        <Text size="sm">
          Signing in with {providerName} will no longer open your admin dashboard. You can link it
          again from here at any time.
        </Text>
      ),
      confirmLabel: 'Unlink',
      action: (callbacks) => unlink.mutate(provider, callbacks),
      success: {
        title: 'Account unlinked',
        message: `Your ${providerName} account no longer opens your dashboard.`,
      },
      failureTitle: 'Could not unlink',
    });

  return (
    <Stack gap="xs" aria-label={`Your ${providerName} account`} role="group">
      {link ? (
        <>
          <ProviderDetail label={`Your linked ${providerName} account`}>
            {link.account} (linked {formatDateTime(link.linkedAt)})
          </ProviderDetail>
          <Group gap="sm">
            <Button variant="default" size="xs" onClick={startLink} loading={start.isPending}>
              Link another {providerName} account
            </Button>
            <Button
              variant="subtle"
              color="red"
              size="xs"
              onClick={confirmUnlink}
              loading={unlink.isPending}
            >
              Unlink
            </Button>
          </Group>
        </>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Signing in with {providerName} opens your admin dashboard only once you link your own
            account here; until then it gives you a member session at most.
          </Text>
          <Button
            variant="light"
            w="fit-content"
            leftSection={<IconLink size={16} />}
            onClick={startLink}
            loading={start.isPending}
          >
            Link my {providerName} account
          </Button>
        </>
      )}
    </Stack>
  );
}
