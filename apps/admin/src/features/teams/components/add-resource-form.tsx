import { Button, Group, Select, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { TEAM_RESOURCE_KIND_NAMES, type TeamResourceKindName } from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { resourceKindTitle } from '../../../components/resource-counts.format';
import { useCreateTeamResource } from '../api/use-create-team-resource';

const KIND_OPTIONS = TEAM_RESOURCE_KIND_NAMES.map((kind) => ({
  value: kind,
  label: resourceKindTitle(kind, 1),
}));

function isKind(value: string | null): value is TeamResourceKindName {
  return TEAM_RESOURCE_KIND_NAMES.some((kind) => kind === value);
}

export function AddResourceForm({ teamId }: { teamId: string }) {
  const [kind, setKind] = useState<TeamResourceKindName>('monitor');
  const [name, setName] = useState('');
  const create = useCreateTeamResource(teamId);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      { kind, name: name.trim() },
      {
        onSuccess: (resource) => {
          setName('');
          notifications.show({
            color: 'teal',
            title: `${resourceKindTitle(resource.kind, 1)} added`,
            message: resource.name,
          });
        },
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: 'Could not add it',
            message: errorMessage(error),
          }),
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label="Add resource">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label="Kind"
          data={KIND_OPTIONS}
          value={kind}
          onChange={(value) => {
            if (isKind(value)) setKind(value);
          }}
          allowDeselect={false}
          w={180}
        />
        <TextInput
          label="Resource name"
          placeholder="api.acme.example"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          style={{ flex: '1 1 200px' }}
          maxLength={256}
        />
        <Button
          type="submit"
          leftSection={<IconPlus size={16} />}
          disabled={!name.trim()}
          loading={create.isPending}
        >
          Add resource
        </Button>
      </Group>
    </form>
  );
}
