import {
  Badge,
  Button,
  Card,
  Group,
  Radio,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { notifications } from '@mantine/notifications';
import type { SsoStatusView, UpdateSsoPolicyRequest } from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { useOrganization } from '../../../api/use-organization';
import { useUpdateSsoPolicy } from '../api/use-update-sso-policy';
import {
  JIT_CHOICES,
  hasConnectedProvider,
  jitChoice,
  jitExplanation,
  jitValue,
  parseJitDomains,
  type JitChoice,
} from './sso-policy.format';

const BREAK_GLASS =
  "The organization's first admin keeps a break-glass password sign-in, so an outage at your provider cannot lock everyone out.";

/** Require single sign-on, and whether a first sign-in may create the member. */
export function SignInPolicyCard({ status }: { status: SsoStatusView }) {
  const update = useUpdateSsoPolicy();
  const organization = useOrganization();
  const policy = status.policy;
  const connected = hasConnectedProvider(status);
  const scimEnabled = organization.data?.settings.scimEnabled ?? !policy.jitEffective;
  const jit = jitExplanation(policy, scimEnabled);
  const saved = policy.jitDomains.join(', ');
  const [domainsText, setDomainsText] = useState(saved);
  const [domainsError, setDomainsError] = useState<string | null>(null);
  // A save elsewhere (another tab, a reload) shows the server's list again.
  const [shown, setShown] = useState(saved);
  if (shown !== saved) {
    setShown(saved);
    setDomainsText(saved);
  }

  const change = (changes: UpdateSsoPolicyRequest, title: string, message: string) =>
    update.mutate(changes, {
      onSuccess: () => notifications.show({ color: 'teal', title, message }),
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: 'Could not change the sign-in policy',
          message: errorMessage(error),
        }),
    });

  return (
    <Card withBorder radius="md" p="lg" component="section" aria-labelledby="sign-in-policy-title">
      <Title order={3} fz="md" mb="xs" id="sign-in-policy-title">
        Sign-in policy
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Who may sign in with a password, and what happens when someone without an account signs in
        through your provider.
      </Text>
      <Stack gap="lg">
        <Switch
          label="Require single sign-on"
          description={
            <>
              Members must sign in through a connected provider; their passwords are refused.{' '}
              {BREAK_GLASS}
              {connected ? null : (
                <Text component="span" id="require-sso-reason" size="xs" display="block" mt={4}>
                  Connect Microsoft Entra ID, a custom OIDC provider or SAML SSO first: with no
                  provider, members would have no way to sign in.
                </Text>
              )}
              {policy.requireSso ? (
                <Text
                  component="span"
                  size="sm"
                  c="var(--mantine-color-text)"
                  display="block"
                  mt={6}
                >
                  Single sign-on is required: password sign-in is refused for everyone except the
                  break-glass admin.
                </Text>
              ) : null}
            </>
          }
          checked={policy.requireSso}
          disabled={(!connected && !policy.requireSso) || update.isPending}
          aria-describedby={connected ? undefined : 'require-sso-reason'}
          onChange={(event) => {
            const requireSso = event.currentTarget.checked;
            change(
              { requireSso },
              requireSso ? 'Single sign-on required' : 'Passwords allowed again',
              requireSso
                ? 'Members now sign in through your provider only.'
                : 'Members may sign in with a password or through your provider.',
            );
          }}
        />

        <Switch
          label="Require two-factor for password sign-ins"
          description="Admins who sign in with a password must also enter a code from an authenticator app; those without one set it up at their next sign-in. Single sign-on is not affected: your provider does multi-factor there."
          checked={policy.requireTwoFactor}
          disabled={update.isPending}
          onChange={(event) => {
            const requireTwoFactor = event.currentTarget.checked;
            change(
              { requireTwoFactor },
              requireTwoFactor ? 'Two-factor required' : 'Two-factor optional',
              requireTwoFactor
                ? 'Password sign-ins now need a code from an authenticator app.'
                : 'Admins choose whether to use two-factor sign-in.',
            );
          }}
        />

        <Stack gap="xs">
          <Radio.Group
            label="Just-in-time user creation"
            description="Create a member the first time someone without an account signs in through your provider. The default follows provisioning: off while Entra provisions users, on otherwise."
            value={jitChoice(policy.jitProvisioning)}
            onChange={(value) => {
              const choice = value as JitChoice;
              const label = JIT_CHOICES.find((option) => option.value === choice)?.label ?? choice;
              change(
                { jitProvisioning: jitValue(choice) },
                'Just-in-time user creation changed',
                `Set to ${label}.`,
              );
            }}
          >
            <Group gap="lg" mt="xs">
              {JIT_CHOICES.map((option) => (
                <Radio
                  key={option.value}
                  value={option.value}
                  label={option.label}
                  disabled={update.isPending}
                />
              ))}
            </Group>
          </Radio.Group>
          <Group gap="xs" wrap="nowrap" align="flex-start" aria-live="polite">
            <Badge
              color={policy.jitEffective ? 'teal' : 'gray'}
              variant="light"
              tt="none"
              style={{ flexShrink: 0 }}
            >
              Now: {jit.effectiveLabel}
            </Badge>
            <Text size="sm">{jit.reason}</Text>
          </Group>
          <form
            onSubmit={(event: FormEvent<HTMLFormElement>) => {
              event.preventDefault();
              const jitDomains = parseJitDomains(domainsText);
              setDomainsError(null);
              update.mutate(
                { jitDomains },
                {
                  onSuccess: () =>
                    notifications.show({
                      color: 'teal',
                      title: 'Just-in-time domains saved',
                      message: jitDomains.length
                        ? `Only verified addresses at ${jitDomains.join(', ')} may create a member.`
                        : 'No domain listed: nobody is created just in time.',
                    }),
                  onError: (error) => setDomainsError(errorMessage(error)),
                },
              );
            }}
          >
            <Group gap="sm" align="flex-end" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label="Just-in-time domains"
                description="Your organization’s own e-mail domains. A member is created only for a verified e-mail address at one of them, which becomes their username. Empty: nobody is created."
                placeholder="contoso.com, fabrikam.com"
                value={domainsText}
                error={domainsError}
                onChange={(event) => {
                  setDomainsText(event.currentTarget.value);
                  setDomainsError(null);
                }}
              />
              <Button
                type="submit"
                variant="light"
                loading={update.isPending}
                disabled={parseJitDomains(domainsText).join(', ') === saved}
              >
                Save domains
              </Button>
            </Group>
          </form>
        </Stack>

        <Switch
          label="Microsoft: externalId holds the Entra objectId"
          description="Turn on only if your Entra provisioning maps objectId to externalId (Entra’s default maps mailNickname there). Then a first Sign in with Microsoft may match a member by objectId as well as by user principal name."
          checked={policy.externalIdIsObjectId}
          disabled={update.isPending}
          onChange={(event) => {
            const externalIdIsObjectId = event.currentTarget.checked;
            change(
              { externalIdIsObjectId },
              'Matching changed',
              externalIdIsObjectId
                ? 'Microsoft sign-ins may now match a member’s externalId by objectId.'
                : 'Microsoft sign-ins no longer match externalId.',
            );
          }}
        />
      </Stack>
    </Card>
  );
}
