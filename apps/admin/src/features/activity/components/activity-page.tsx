import {
  Button,
  Card,
  Code,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconActivity, IconDownload, IconFilterOff } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { isEventTypeName, type EventTypeName, type EventView } from '@rollcall/contracts';
import { EmptyState } from '../../../components/empty-state';
import { eventAction, eventTypeOptions } from '../../../components/event-type.format';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { RelativeTime } from '../../../components/relative-time';
import { useActivity, type ActivityFilters } from '../api/use-activity';
import { activityCsv } from './activity-csv.format';
import { actorLabel } from './actor.format';
import { eventSummary } from './event-summary.format';

const TYPE_OPTIONS = eventTypeOptions(eventAction);
const NO_FILTERS: ActivityFilters = {};

function downloadCsv(events: readonly EventView[]) {
  const blob = new Blob([activityCsv(events)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `rollcall-activity-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the file to the browser's download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function ActivityTable({ events }: { events: EventView[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={8} horizontalSpacing="md" aria-label="Activity">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>When</Table.Th>
            <Table.Th w={260}>Who</Table.Th>
            <Table.Th>What</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td>
                <RelativeTime iso={event.createdAt} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: 'break-word' }}>
                  {actorLabel(event.actor)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: 'break-word' }}>
                  {eventSummary(event)}
                </Text>
                <Code fz="xs" c="dimmed" bg="transparent" p={0}>
                  {event.type}
                </Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A phone has no room for three columns: each entry is a short card, what first. */
function ActivityList({ events }: { events: EventView[] }) {
  return (
    <Stack gap={0} component="ul" aria-label="Activity" p={0} m={0} style={{ listStyle: 'none' }}>
      {events.map((event) => (
        <Paper
          key={event.id}
          component="li"
          px="md"
          py="sm"
          radius={0}
          style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
        >
          <Text size="sm" fw={500} style={{ wordBreak: 'break-word' }}>
            {eventSummary(event)}
          </Text>
          <Group gap={6} wrap="wrap">
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
              {actorLabel(event.actor)} ·
            </Text>
            <RelativeTime iso={event.createdAt} size="xs" c="dimmed" />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

export function ActivityPage() {
  const [params, setParams] = useSearchParams();
  const actor = params.get('actor') ?? undefined;
  const typesParam = params.get('types') ?? '';
  const types = useMemo(
    () => typesParam.split(',').filter((type): type is EventTypeName => isEventTypeName(type)),
    [typesParam],
  );
  const filters = useMemo<ActivityFilters>(
    () => ({ actor, types: types.length > 0 ? types : undefined }),
    [actor, types],
  );
  const activity = useActivity(filters);
  const events = useMemo(
    () => activity.data?.pages.flatMap((page) => page.data) ?? [],
    [activity.data],
  );
  const narrow = useMediaQuery('(max-width: 48em)');

  // The API filters by one exact actor but cannot list them: offer everyone in the unfiltered
  // feed loaded so far (the same query as the page without filters, so usually cached).
  const everyone = useActivity(NO_FILTERS);
  const knownActors = useMemo(() => {
    const actors = new Set<string>();
    for (const page of everyone.data?.pages ?? []) {
      for (const event of page.data) actors.add(event.actor);
    }
    for (const event of events) actors.add(event.actor);
    if (actor) actors.add(actor);
    return [...actors].sort((a, b) => actorLabel(a).localeCompare(actorLabel(b)));
  }, [everyone.data, events, actor]);

  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const filtered = actor !== undefined || types.length > 0;

  return (
    <>
      <PageHeader
        title="Activity"
        description="What admins, API keys, the command line and Rollcall's own jobs changed, newest first. Changes your identity provider provisions are in the provisioning log."
        actions={
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            disabled={events.length === 0}
            onClick={() => downloadCsv(events)}
          >
            Export CSV
          </Button>
        }
      />
      <Card withBorder radius="md" p={0}>
        <Group p="md" pb="sm" gap="sm" wrap="wrap" align="flex-end">
          <Select
            label="Who"
            placeholder="Anyone"
            data={knownActors.map((value) => ({ value, label: actorLabel(value) }))}
            value={actor ?? null}
            onChange={(value) => setFilter('actor', value)}
            searchable
            clearable
            nothingFoundMessage="Nobody by that name in what is loaded"
            w={{ base: '100%', xs: 260 }}
          />
          <MultiSelect
            label="What"
            placeholder={types.length > 0 ? undefined : 'Any change'}
            data={TYPE_OPTIONS}
            value={types}
            onChange={(value) => setFilter('types', value.join(',') || null)}
            searchable
            clearable
            hidePickedOptions
            maxDropdownHeight={320}
            w={{ base: '100%', xs: 360 }}
          />
          {filtered ? (
            <Button
              variant="subtle"
              leftSection={<IconFilterOff size={16} />}
              onClick={() => setParams(new URLSearchParams(), { replace: true })}
            >
              Clear filters
            </Button>
          ) : null}
        </Group>
        {activity.isPending ? (
          <LoadingState />
        ) : activity.isError ? (
          <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />
        ) : events.length === 0 ? (
          <EmptyState icon={<IconActivity size={24} />} title="No activity">
            {filtered
              ? 'Nothing matches these filters.'
              : 'When an admin, an API key or a Rollcall job changes something, it appears here.'}
          </EmptyState>
        ) : (
          <>
            {narrow ? <ActivityList events={events} /> : <ActivityTable events={events} />}
            <Group justify="center" p="md">
              {activity.hasNextPage ? (
                <Button
                  variant="default"
                  onClick={() => void activity.fetchNextPage()}
                  loading={activity.isFetchingNextPage}
                >
                  Load older
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  {events.length} change{events.length === 1 ? '' : 's'}: that is all.
                </Text>
              )}
            </Group>
          </>
        )}
      </Card>
    </>
  );
}
