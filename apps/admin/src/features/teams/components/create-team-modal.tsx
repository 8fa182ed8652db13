import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../api/api-error';
import { useCreateTeam } from '../api/use-create-team';

interface CreateTeamModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (teamId: string) => void;
}

export function CreateTeamModal({ opened, onClose, onCreated }: CreateTeamModalProps) {
  const [name, setName] = useState('');
  const createTeam = useCreateTeam();

  const close = () => {
    setName('');
    createTeam.reset();
    onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    createTeam.mutate(
      { name: name.trim() },
      {
        onSuccess: (team) => {
          notifications.show({ color: 'teal', title: 'Team created', message: team.name });
          setName('');
          onCreated(team.id);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={700}>Create team</Text>} centered>
      <form onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            A team made here is managed in the dashboard. Teams from Microsoft Entra ID groups
            appear on their own when Microsoft Entra ID provisions them.
          </Text>
          <TextInput
            label="Team name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={256}
            required
            data-autofocus
          />
          {createTeam.isError ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(createTeam.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={!name.trim()} loading={createTeam.isPending}>
              Create team
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
