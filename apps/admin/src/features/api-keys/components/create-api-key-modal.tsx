import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { ApiKeyScopeName, CreatedApiKeyView } from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { CopyField } from '../../../components/copy-field';
import { useCreateApiKey } from '../api/use-create-api-key';
import { API_KEY_EXPIRY_OPTIONS, expiresAtFor, type ApiKeyExpiryChoice } from './api-key-expiry';

const MAX_NAME_LENGTH = 100;

interface CreateApiKeyModalProps {
  opened: boolean;
  onClose: () => void;
}

/** Name, scope and expiry first; then the key, shown this once. */
export function CreateApiKeyModal({ opened, onClose }: CreateApiKeyModalProps) {
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiKeyScopeName>('read');
  const [expiry, setExpiry] = useState<ApiKeyExpiryChoice>('never');
  const [touched, setTouched] = useState(false);
  const [created, setCreated] = useState<CreatedApiKeyView | null>(null);

  const trimmed = name.trim();
  const nameError = !trimmed
    ? 'Enter a name.'
    : trimmed.length > MAX_NAME_LENGTH
      ? `At most ${MAX_NAME_LENGTH} characters.`
      : null;

  const close = () => {
    create.reset();
    setCreated(null);
    setTouched(false);
    setName('');
    setScope('read');
    setExpiry('never');
    onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (nameError) return;
    create.mutate(
      { name: trimmed, scope, expiresAt: expiresAtFor(expiry, Date.now()) },
      { onSuccess: setCreated },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={700}>{created ? 'API key created' : 'Create API key'}</Text>}
      centered
      size="lg"
      // The key is on screen: closing by a stray click outside would lose it.
      closeOnClickOutside={!created}
    >
      {created ? (
        <Stack gap="md">
          <Text size="sm">
            <strong>{created.name}</strong> can call the directory API as{' '}
            <code>Authorization: Bearer &lt;key&gt;</code>
            {created.scope === 'read' ? ' to read users and teams.' : ' to read and change them.'}
          </Text>
          <CopyField label="API key" value={created.key} multiline />
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} role="note">
            Copy the key now: it won&apos;t be shown again. Rollcall keeps only a hash of it.
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label="Name"
              description="What uses it, e.g. “Billing backend”. Changes it makes are recorded under this name."
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={touched ? nameError : null}
              maxLength={MAX_NAME_LENGTH + 20}
              required
              data-autofocus
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="api-key-scope-label">
                Access
              </Text>
              <SegmentedControl
                aria-labelledby="api-key-scope-label"
                value={scope}
                onChange={(value) => setScope(value as ApiKeyScopeName)}
                data={[
                  { value: 'read', label: 'Read only' },
                  { value: 'read_write', label: 'Read and write' },
                ]}
              />
              <Text size="xs" c="dimmed">
                Users, teams, team resources, role mappings and the provisioning log. Keys never
                manage keys, single sign-on or SCIM credentials.
              </Text>
            </Stack>
            <Select
              label="Expires"
              data={API_KEY_EXPIRY_OPTIONS}
              value={expiry}
              onChange={(value) => setExpiry((value as ApiKeyExpiryChoice | null) ?? 'never')}
              allowDeselect={false}
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
              <Button type="submit" loading={create.isPending}>
                Create API key
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
