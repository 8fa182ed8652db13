import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Divider,
  Grid,
  Group,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBrandAzure, IconTrash, IconUsers } from '@tabler/icons-react';
import {
  MAX_TEAM_DETAIL_MEMBERS,
  TEAM_RESOURCE_KIND_NAMES,
  type TeamResourceView,
} from '@rollcall/contracts';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../../api/api-error';
import { formatDate } from '../../../components/date.format';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState, LoadingState } from '../../../components/query-state';
import {
  formatTeamContents,
  pluralize,
  resourceKindTitle,
} from '../../../components/resource-counts.format';
import { useDeleteTeamResource } from '../api/use-delete-team-resource';
import { useTeam } from '../api/use-team';
import { AddResourceForm } from './add-resource-form';
import { DeleteTeamDialog } from './delete-team-dialog';
import { TeamSourceBadge } from './team-source-badge';

export function TeamDetailPage() {
  const { teamId = '' } = useParams();
  const team = useTeam(teamId);
  const [deleting, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  const deleteResource = useDeleteTeamResource(teamId);

  if (team.isPending) return <LoadingState />;
  if (team.isError) return <ErrorState error={team.error} onRetry={() => void team.refetch()} />;
  const { team: summary, members, resources } = team.data;
  const byKind = TEAM_RESOURCE_KIND_NAMES.map((kind) => ({
    kind,
    items: resources.filter((resource) => resource.kind === kind),
  }));

  const removeResource = (resource: TeamResourceView) =>
    deleteResource.mutate(resource.id, {
      onSuccess: () =>
        notifications.show({ color: 'teal', title: 'Resource deleted', message: resource.name }),
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: 'Could not delete it',
          message: errorMessage(error),
        }),
    });

  return (
    <>
      <Breadcrumbs mb="sm" fz="sm">
        <Anchor component={Link} to="/teams" size="sm">
          Teams
        </Anchor>
        <Text size="sm">{summary.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={1} fz={26}>
              {summary.name}
            </Title>
            <TeamSourceBadge source={summary.source} />
          </Group>
          <Text c="dimmed" size="sm">
            {formatTeamContents(summary.resources, summary.members)} · created{' '}
            {formatDate(summary.createdAt)}
          </Text>
        </Stack>
        <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={open}>
          Delete team
        </Button>
      </Group>

      {summary.source === 'scim' ? (
        <Alert color="blue" variant="light" icon={<IconBrandAzure size={20} />} mb="lg">
          <Text size="sm">
            This team is provisioned from the Microsoft Entra ID group{' '}
            <strong>{summary.name}</strong>
            {summary.externalId ? ` (externalId ${summary.externalId})` : ''}. Microsoft Entra ID
            manages its name and members; deprovisioning the group there deletes this team and its
            resources (its members keep their accounts).
          </Text>
        </Alert>
      ) : null}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder radius="md" p="lg">
            <Title order={2} fz="lg" mb="xs">
              Resources
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              What the team owns. Deleting the team deletes all of it.
            </Text>
            <Stack gap="md">
              {byKind.map(({ kind, items }) => (
                <section key={kind} aria-label={resourceKindTitle(kind)}>
                  <Group gap="xs" mb={6}>
                    <Text fw={600} size="sm">
                      {resourceKindTitle(kind)}
                    </Text>
                    <Badge size="sm" variant="light" color={items.length ? 'indigo' : 'gray'}>
                      {items.length}
                    </Badge>
                  </Group>
                  {items.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      None
                    </Text>
                  ) : (
                    <Stack gap={4}>
                      {items.map((resource) => (
                        <Group key={resource.id} justify="space-between" wrap="nowrap">
                          <Text size="sm" truncate>
                            {resource.name}
                          </Text>
                          <Tooltip label={`Delete ${resource.name}`} withArrow>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={`Delete ${resource.name}`}
                              onClick={() => removeResource(resource)}
                            >
                              <IconTrash size={14} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      ))}
                    </Stack>
                  )}
                </section>
              ))}
            </Stack>
            <Divider my="lg" />
            <AddResourceForm teamId={summary.id} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder radius="md" p="lg">
            <Title order={2} fz="lg" mb="xs">
              Members
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {pluralize(summary.members, 'member', 'members')}
              {summary.members > members.length
                ? ` (the first ${MAX_TEAM_DETAIL_MEMBERS} shown)`
                : ''}
              {summary.source === 'scim' ? ', synced from the Microsoft Entra ID group' : ''}.
            </Text>
            {members.length === 0 ? (
              <EmptyState icon={<IconUsers size={24} />} title="No members">
                {summary.source === 'scim'
                  ? 'Add people to the group in Microsoft Entra ID; the next sync brings them here.'
                  : 'This team has no members.'}
              </EmptyState>
            ) : (
              <Table verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.map((member) => (
                    <Table.Tr key={member.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {member.displayName ?? member.userName}
                        </Text>
                        {member.displayName ? (
                          <Text size="xs" c="dimmed">
                            {member.userName}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          size="sm"
                          variant="light"
                          color={member.active ? 'teal' : 'gray'}
                          tt="none"
                        >
                          {member.active ? 'Active' : 'Deactivated'}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </Grid.Col>
      </Grid>

      <DeleteTeamDialog
        team={summary}
        opened={deleting}
        onClose={close}
        onDeleted={() => {
          close();
          void navigate('/teams');
        }}
      />
    </>
  );
}
