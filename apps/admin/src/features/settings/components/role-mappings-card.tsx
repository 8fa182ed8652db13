import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Select,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { RoleName } from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { formatDate } from '../../../components/date.format';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { roleLabel } from '../../../components/role.format';
import { useRemoveRoleMapping } from '../api/use-remove-role-mapping';
import { useRoleMappings } from '../api/use-role-mappings';
import { useSetRoleMapping } from '../api/use-set-role-mapping';
import { ROLE_OPTIONS, asRole } from './role-options';

export function RoleMappingsCard() {
  const mappings = useRoleMappings();
  const setMapping = useSetRoleMapping();
  const removeMapping = useRemoveRoleMapping();
  const [groupName, setGroupName] = useState('');
  const [role, setRole] = useState<RoleName>('team_lead');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMapping.mutate(
      { groupName: groupName.trim(), role },
      {
        onSuccess: (mapping) => {
          setGroupName('');
          notifications.show({
            color: 'teal',
            title: 'Mapping saved',
            message: `Members of ${mapping.groupName} get ${roleLabel(mapping.role)}.`,
          });
        },
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: 'Could not save the mapping',
            message: errorMessage(error),
          }),
      },
    );
  };

  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label="Role mappings">
      <Title order={2} fz="lg" mb={4}>
        Role mappings
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Give members of a Microsoft Entra ID group (a team) a role. Names match in any case; the
        group need not exist yet.
      </Text>
      <Alert
        variant="light"
        color="indigo"
        icon={<IconInfoCircle size={18} />}
        mb="md"
        title="Which role wins"
        role="note"
      >
        {mappings.data?.precedence ??
          "A user's explicit roleName (from Microsoft Entra ID) wins; otherwise the most privileged role mapped to a group the user is in; otherwise the organization's default role."}
      </Alert>
      {mappings.isPending ? (
        <LoadingState />
      ) : mappings.isError ? (
        <ErrorState error={mappings.error} onRetry={() => void mappings.refetch()} />
      ) : mappings.data.mappings.length === 0 ? (
        <Text size="sm" c="dimmed" mb="md">
          No mappings yet: roles come from roleName or the default role.
        </Text>
      ) : (
        <Table verticalSpacing={8} mb="md" aria-label="Group role mappings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Group</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Since</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mappings.data.mappings.map((mapping) => (
              <Table.Tr key={mapping.groupName}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {mapping.groupName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{roleLabel(mapping.role)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {formatDate(mapping.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <Tooltip label={`Remove the mapping of ${mapping.groupName}`} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove the mapping of ${mapping.groupName}`}
                        onClick={() =>
                          removeMapping.mutate(mapping.groupName, {
                            onError: (error) =>
                              notifications.show({
                                color: 'red',
                                title: 'Could not remove it',
                                message: errorMessage(error),
                              }),
                          })
                        }
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form onSubmit={submit} aria-label="Add a role mapping">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Group name"
            placeholder="SRE"
            value={groupName}
            onChange={(event) => setGroupName(event.currentTarget.value)}
            style={{ flex: '1 1 200px' }}
            maxLength={256}
          />
          <Select
            label="Role"
            data={ROLE_OPTIONS}
            value={role}
            onChange={(value) => {
              const next = asRole(value);
              if (next) setRole(next);
            }}
            allowDeselect={false}
            w={180}
          />
          <Button type="submit" disabled={!groupName.trim()} loading={setMapping.isPending}>
            Save mapping
          </Button>
        </Group>
      </form>
    </Card>
  );
}
