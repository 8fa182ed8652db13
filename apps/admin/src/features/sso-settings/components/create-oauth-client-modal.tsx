import { Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import {
  ACCESS_TOKEN_LIFETIME_MINUTES,
  CLIENT_SECRET_LIFETIME_DAYS,
  type CreatedScimOAuthClientView,
} from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { useCreateScimOAuthClient } from '../api/use-create-scim-oauth-client';
import { accessTokenLifetimeError, secretLifetimeError } from './oauth-lifetimes';
import { OneTimeSecret } from './one-time-secret';

const MAX_NAME_LENGTH = 100;

interface CreateOAuthClientModalProps {
  opened: boolean;
  onClose: () => void;
}

/** Name and lifetimes first; then the client ID and its secret, shown this once. */
export function CreateOAuthClientModal({ opened, onClose }: CreateOAuthClientModalProps) {
  const create = useCreateScimOAuthClient();
  const [name, setName] = useState('Microsoft Entra');
  const [tokenMinutes, setTokenMinutes] = useState<number | string>(
    ACCESS_TOKEN_LIFETIME_MINUTES.default,
  );
  const [secretDays, setSecretDays] = useState<number | string>(
    CLIENT_SECRET_LIFETIME_DAYS.default,
  );
  const [touched, setTouched] = useState(false);
  const [created, setCreated] = useState<CreatedScimOAuthClientView | null>(null);

  const nameError = name.trim()
    ? name.trim().length > MAX_NAME_LENGTH
      ? `At most ${MAX_NAME_LENGTH} characters.`
      : null
    : 'Enter a name.';
  const tokenError = accessTokenLifetimeError(tokenMinutes);
  const secretError = secretLifetimeError(secretDays);

  const close = () => {
    create.reset();
    setCreated(null);
    setTouched(false);
    setName('Microsoft Entra');
    setTokenMinutes(ACCESS_TOKEN_LIFETIME_MINUTES.default);
    setSecretDays(CLIENT_SECRET_LIFETIME_DAYS.default);
    onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (nameError || tokenError || secretError) return;
    create.mutate(
      {
        name: name.trim(),
        accessTokenLifetimeMinutes: Number(tokenMinutes),
        secretLifetimeDays: Number(secretDays),
      },
      {
        onSuccess: (client) => {
          setCreated(client);
          notifications.show({
            color: 'teal',
            title: 'OAuth client created',
            message: 'Copy the client ID and secret into Entra.',
          });
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={700}>{created ? 'OAuth client created' : 'Create OAuth client'}</Text>}
      centered
      size="lg"
    >
      {created ? (
        <Stack gap="md">
          <Text size="sm">
            <strong>{created.name}</strong> can now get access tokens from the token endpoint with
            its client ID and secret.
          </Text>
          <OneTimeSecret clientId={created.clientId} secret={created.clientSecret} />
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              Entra&apos;s provisioning service exchanges the client ID and secret for a short-lived
              access token, and calls the SCIM API with it.
            </Text>
            <TextInput
              label="Name"
              description="To tell clients apart, e.g. the Entra app it is for."
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={touched ? nameError : null}
              maxLength={MAX_NAME_LENGTH + 20}
              required
              data-autofocus
            />
            <Group grow align="flex-start">
              <NumberInput
                label="Access token lifetime (minutes)"
                description={`${ACCESS_TOKEN_LIFETIME_MINUTES.min} to ${ACCESS_TOKEN_LIFETIME_MINUTES.max}`}
                value={tokenMinutes}
                onChange={setTokenMinutes}
                min={ACCESS_TOKEN_LIFETIME_MINUTES.min}
                max={ACCESS_TOKEN_LIFETIME_MINUTES.max}
                step={30}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                error={touched || tokenMinutes !== '' ? tokenError : null}
              />
              <NumberInput
                label="Secret lifetime (days)"
                description={`${CLIENT_SECRET_LIFETIME_DAYS.min} to ${CLIENT_SECRET_LIFETIME_DAYS.max} (1 to 3 years)`}
                value={secretDays}
                onChange={setSecretDays}
                min={CLIENT_SECRET_LIFETIME_DAYS.min}
                max={CLIENT_SECRET_LIFETIME_DAYS.max}
                step={365}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                error={touched || secretDays !== '' ? secretError : null}
              />
            </Group>
            {create.isError ? (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(create.error)}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create OAuth client
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
