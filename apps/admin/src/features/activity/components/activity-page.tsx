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
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isEventTypeName, type ActivityEntryView, type EventTypeName } from '@rollcall/contracts';
import { formatDateTime } from '../../../components/date.format';
import { EmptyState } from '../../../components/empty-state';
import { eventAction, eventTypeOptions } from '../../../components/event-type.format';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { RelativeTime } from '../../../components/relative-time';
import {
  MAX_EXPORTED_ACTIVITY,
  fetchAllActivity,
  useActivity,
  type ActivityFilters,
} from '../api/use-activity';
import { useActivityActors } from '../api/use-activity-actors';
import { activityCsv } from './activity-csv.format';
import { actorLabel } from './actor.format';
import { eventSummary } from './event-summary.format';

const TYPE_OPTIONS = eventTypeOptions(eventAction);

function downloadCsv(events: readonly ActivityEntryView[]) {
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

function ActivityTable({ events }: { events: ActivityEntryView[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={8} horizontalSpacing="md" aria-label="Activity">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>When</Table.Th>
            <Table.Th w={260}>Who</Table.Th>
            <Table.Th>What</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td>
                <RelativeTime iso={event.createdAt} />
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(event.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: 'break-word' }}>
                  {actorLabel(event.actor)}
                </Text>
                {/* No address: a Rollcall job or the CLI made the change, not a request. */}
                <Text size="xs" c="dimmed" title="IP address" style={{ wordBreak: 'break-all' }}>
                  {event.clientIp ?? '—'}
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
function ActivityList({ events }: { events: ActivityEntryView[] }) {
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
              {actorLabel(event.actor)} ·{event.clientIp ? ` ${event.clientIp} ·` : ''}
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

  // Everyone the feed has (from the server, not only the loaded pages), plus the current
  // choice so a link to a filter shows its label while the list loads.
  const actors = useActivityActors();
  const knownActors = useMemo(() => {
    const all = new Set<string>(actors.data?.data ?? []);
    for (const event of events) all.add(event.actor);
    if (actor) all.add(actor);
    return [...all].sort((a, b) => actorLabel(a).localeCompare(actorLabel(b)));
  }, [actors.data, events, actor]);

  const [exporting, setExporting] = useState(false);
  const [exportNote, setExportNote] = useState<string | null>(null);
  const exportCsv = async () => {
    setExporting(true);
    setExportNote(null);
    try {
      const all = await fetchAllActivity(filters);
      downloadCsv(all.events);
      if (!all.complete) {
        setExportNote(
          `The export holds the newest ${MAX_EXPORTED_ACTIVITY.toLocaleString('en-US')} changes; narrow the filters for older ones.`,
        );
      }
    } catch {
      setExportNote('The export failed. Try again.');
    } finally {
      setExporting(false);
    }
  };

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
            loading={exporting}
            onClick={() => void exportCsv()}
            title="Every change under these filters, not only the loaded ones"
          >
            Export CSV
          </Button>
        }
      />
      {exportNote ? (
        <Text size="sm" c="dimmed" mb="sm" role="status">
          {exportNote}
        </Text>
      ) : null}
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
            nothingFoundMessage="Nobody by that name"
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
