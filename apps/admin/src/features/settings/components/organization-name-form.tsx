import { Button, Group, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { MAX_ORGANIZATION_NAME_LENGTH, type OrganizationView } from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { useRenameOrganization } from '../api/use-rename-organization';

/** Renames the organization; the slug (and every URL) stays. */
export function OrganizationNameForm({ organization }: { organization: OrganizationView }) {
  const rename = useRenameOrganization();
  const [name, setName] = useState(organization.name);
  const trimmed = name.trim();
  const invalid =
    trimmed.length === 0
      ? 'Enter a name.'
      : trimmed.length > MAX_ORGANIZATION_NAME_LENGTH
        ? `At most ${MAX_ORGANIZATION_NAME_LENGTH} characters.`
        : null;
  const changed = trimmed !== organization.name;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (invalid || !changed) return;
    rename.mutate(
      { name: trimmed },
      {
        onSuccess: (renamed) =>
          notifications.show({
            color: 'teal',
            title: 'Organization renamed',
            message: renamed.name,
          }),
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: 'Could not rename',
            message: errorMessage(error),
          }),
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label="Organization name">
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <TextInput
          label="Organization name"
          description="Shown in the header; the slug does not change."
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={changed ? invalid : null}
          maxLength={MAX_ORGANIZATION_NAME_LENGTH + 50}
          style={{ flex: 1 }}
        />
        <Button
          type="submit"
          variant="default"
          mt={46}
          disabled={!changed || invalid !== null}
          loading={rename.isPending}
        >
          Save name
        </Button>
      </Group>
    </form>
  );
}
