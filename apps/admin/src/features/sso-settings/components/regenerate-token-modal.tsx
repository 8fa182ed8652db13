import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CreatedScimTokenView } from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { useCreateScimToken } from '../api/use-create-scim-token';

interface RegenerateTokenModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (created: CreatedScimTokenView) => void;
}

/** Rotation without downtime: a second live token first, the old one revoked after Entra moves. */
export function RegenerateTokenModal({ opened, onClose, onCreated }: RegenerateTokenModalProps) {
  const createToken = useCreateScimToken();

  const create = () =>
    createToken.mutate(
      { label: `Rotation ${new Date().toISOString().slice(0, 10)}` },
      {
        onSuccess: (created) => {
          notifications.show({
            color: 'teal',
            title: 'New Secret Token created',
            message: 'Paste it into Entra, then revoke the old token.',
          });
          onCreated(created);
        },
      },
    );

  return (
    <Modal
      opened={opened}
      onClose={() => {
        createToken.reset();
        onClose();
      }}
      title={<Text fw={700}>Regenerate the Secret Token</Text>}
      centered
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm">
          Rotation keeps Entra provisioning throughout: for a while two tokens are live.
        </Text>
        <List type="ordered" size="sm" spacing="xs">
          <List.Item>Create the new token here. The current one keeps working.</List.Item>
          <List.Item>
            In Entra, open the app&apos;s Provisioning → Admin Credentials, paste the new Secret
            Token, click Test Connection, then Save.
          </List.Item>
          <List.Item>
            Back here, revoke the old token in the Secret Tokens list. Entra requests with it are
            refused from then on.
          </List.Item>
        </List>
        {createToken.isError ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(createToken.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={create} loading={createToken.isPending}>
            Create new token
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
