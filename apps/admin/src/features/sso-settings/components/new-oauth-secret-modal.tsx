import { Alert, Button, Group, List, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import {
  CLIENT_SECRET_LIFETIME_DAYS,
  type CreatedScimOAuthSecretView,
  type ScimOAuthClientView,
} from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { useCreateScimOAuthSecret } from '../api/use-create-scim-oauth-secret';
import { secretLifetimeError } from './oauth-lifetimes';
import { OneTimeSecret } from './one-time-secret';

interface NewOAuthSecretModalProps {
  client: ScimOAuthClientView | null;
  onClose: () => void;
}

/** Rotation without downtime: a second live secret first, the old one revoked after Entra moves. */
export function NewOAuthSecretModal({ client, onClose }: NewOAuthSecretModalProps) {
  const create = useCreateScimOAuthSecret();
  const [days, setDays] = useState<number | string>(CLIENT_SECRET_LIFETIME_DAYS.default);
  const [created, setCreated] = useState<CreatedScimOAuthSecretView | null>(null);
  const daysError = secretLifetimeError(days);

  const close = () => {
    create.reset();
    setCreated(null);
    setDays(CLIENT_SECRET_LIFETIME_DAYS.default);
    onClose();
  };

  const submit = () => {
    if (!client || daysError) return;
    create.mutate(
      { clientId: client.id, lifetimeDays: Number(days) },
      {
        onSuccess: (result) => {
          setCreated(result);
          notifications.show({
            color: 'teal',
            title: 'New secret created',
            message: 'Paste it into Entra, then revoke the old secret.',
          });
        },
      },
    );
  };

  return (
    <Modal
      opened={client !== null}
      onClose={close}
      title={<Text fw={700}>New secret for {client?.name}</Text>}
      centered
      size="lg"
    >
      {client && created ? (
        <Stack gap="md">
          <OneTimeSecret clientId={client.clientId} secret={created.clientSecret} />
          <Text size="sm">
            The previous secret keeps working until you revoke it: revoke it once Entra&apos;s Test
            Connection passes with the new one.
          </Text>
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm">
            Two secrets overlap during a rotation, so Entra keeps provisioning throughout:
          </Text>
          <List type="ordered" size="sm" spacing="xs">
            <List.Item>Create the new secret here. The current one keeps working.</List.Item>
            <List.Item>
              In Entra, paste it into the app&apos;s Provisioning → Admin Credentials → Client
              Secret, click Test Connection, then Save.
            </List.Item>
            <List.Item>Back here, revoke the old secret.</List.Item>
          </List>
          <NumberInput
            label="Secret lifetime (days)"
            description={`${CLIENT_SECRET_LIFETIME_DAYS.min} to ${CLIENT_SECRET_LIFETIME_DAYS.max} (1 to 3 years)`}
            value={days}
            onChange={setDays}
            min={CLIENT_SECRET_LIFETIME_DAYS.min}
            max={CLIENT_SECRET_LIFETIME_DAYS.max}
            step={365}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            error={daysError}
            w={260}
            data-autofocus
          />
          {create.isError ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(create.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={submit} loading={create.isPending} disabled={daysError !== null}>
              Create secret
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
