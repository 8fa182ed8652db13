import { Button, Card, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconDownload, IconListDetails, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  PROVISIONING_LOG_CSV_MAX_ROWS,
  type ProvisioningLogEntryView,
  type ProvisioningResourceType,
} from '@rollcall/contracts';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/query-state';
import {
  provisioningLogCsvUrl,
  useProvisioningLog,
  type ProvisioningLogFilters,
} from '../api/use-provisioning-log';
import { LogEntryDrawer } from './log-entry-drawer';
import { LogStatusBadge } from './log-status-badge';
import { formatLogTime, logTimeTitle } from './log-time.format';

const STATUS_OPTIONS = [
  { value: 'all', label: 'All statuses' },
  { value: 'failed', label: 'Failed (4xx, 5xx)' },
  { value: 'succeeded', label: 'Succeeded' },
];
const RESOURCE_OPTIONS = [
  { value: 'all', label: 'Users and groups' },
  { value: 'User', label: 'Users' },
  { value: 'Group', label: 'Groups' },
];
const PERIOD_HOURS: Record<string, number | null> = {
  '1': 1,
  '24': 24,
  '168': 168,
  '720': 720,
  all: null,
};
const PERIOD_OPTIONS = [
  { value: '1', label: 'Last hour' },
  { value: '24', label: 'Last 24 hours' },
  { value: '168', label: 'Last 7 days' },
  { value: '720', label: 'Last 30 days' },
  { value: 'all', label: 'Any time' },
];

/** A search box that filters once typing pauses (each change is a request). */
function SearchFilter(props: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const [text, setText] = useState(props.value);
  const apply = useDebouncedCallback((value: string) => props.onChange(value.trim()), 400);
  // Follows the URL when it changes from outside (back, a link), not while typing
  // (React's "adjust state when a prop changes" pattern, without an effect).
  const [seen, setSeen] = useState(props.value);
  if (props.value !== seen) {
    setSeen(props.value);
    if (text.trim() !== props.value) setText(props.value);
  }
  return (
    <TextInput
      label={props.label}
      placeholder={props.placeholder}
      leftSection={<IconSearch size={14} />}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        apply(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') props.onChange(text.trim());
      }}
      maxLength={256}
      w={{ base: '100%', xs: 220 }}
    />
  );
}

export function ProvisioningLogPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'all';
  const resource = params.get('resource') ?? 'all';
  const period = params.get('period') ?? 'all';
  const user = params.get('user') ?? '';
  const team = params.get('team') ?? '';
  const [selected, setSelected] = useState<ProvisioningLogEntryView | null>(null);
  // "Last N hours" counts back from when the filter was chosen, so paging does not shift.
  const [anchor, setAnchor] = useState(() => Date.now());

  const filters = useMemo<ProvisioningLogFilters>(() => {
    const hours = PERIOD_HOURS[period] ?? null;
    return {
      status: status === 'all' ? undefined : status,
      resourceType:
        resource === 'User' || resource === 'Group'
          ? (resource as ProvisioningResourceType)
          : undefined,
      since: hours ? new Date(anchor - hours * 3_600_000).toISOString() : undefined,
      user: user || undefined,
      team: team || undefined,
    };
  }, [status, resource, period, anchor, user, team]);
  const log = useProvisioningLog(filters);

  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (!value || value === 'all') next.delete(key);
    else next.set(key, value);
    setAnchor(Date.now());
    setParams(next, { replace: true });
  };

  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const filtered =
    status !== 'all' || resource !== 'all' || period !== 'all' || user !== '' || team !== '';

  return (
    <>
      <PageHeader
        title="Provisioning log"
        description="Every SCIM request Entra made with your Secret Tokens, newest first: the first place to look when Entra reports a provisioning failure."
        actions={
          <Button
            component="a"
            href={provisioningLogCsvUrl(filters)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
            title={`Every request under these filters (up to ${PROVISIONING_LOG_CSV_MAX_ROWS.toLocaleString('en-US')}), not only the loaded ones`}
          >
            Export CSV
          </Button>
        }
      />
      <Card withBorder radius="md" p={0}>
        <Group p="md" pb="sm" gap="sm" wrap="wrap">
          <Select
            label="Status"
            data={STATUS_OPTIONS}
            value={status}
            onChange={(value) => setFilter('status', value)}
            allowDeselect={false}
            w={170}
          />
          <Select
            label="Resource"
            data={RESOURCE_OPTIONS}
            value={resource}
            onChange={(value) => setFilter('resource', value)}
            allowDeselect={false}
            w={170}
          />
          <Select
            label="Time"
            data={PERIOD_OPTIONS}
            value={period}
            onChange={(value) => setFilter('period', value)}
            allowDeselect={false}
            w={170}
          />
          <SearchFilter
            label="User"
            placeholder="userName, id or externalId"
            value={user}
            onChange={(value) => setFilter('user', value)}
          />
          <SearchFilter
            label="Team"
            placeholder="Name or id"
            value={team}
            onChange={(value) => setFilter('team', value)}
          />
        </Group>
        {log.isPending ? (
          <LoadingState />
        ) : log.isError ? (
          <ErrorState error={log.error} onRetry={() => void log.refetch()} />
        ) : entries.length === 0 ? (
          <EmptyState icon={<IconListDetails size={24} />} title="No requests">
            {filtered
              ? 'No request matches these filters.'
              : 'Entra has not called the SCIM API yet. After you save provisioning in Entra, its requests appear here within seconds.'}
          </EmptyState>
        ) : (
          <>
            <Table.ScrollContainer minWidth={860}>
              <Table
                verticalSpacing={8}
                horizontalSpacing="md"
                highlightOnHover
                aria-label="SCIM requests"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Time</Table.Th>
                    <Table.Th>Request</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Resource</Table.Th>
                    <Table.Th>Error</Table.Th>
                    <Table.Th ta="right">Duration</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map((entry) => (
                    <Table.Tr
                      key={entry.id}
                      className="rollcall-clickable-row"
                      tabIndex={0}
                      onClick={() => setSelected(entry)}
                      onKeyDown={(event) => {
                        if (event.key === 'Enter' || event.key === ' ') {
                          event.preventDefault();
                          setSelected(entry);
                        }
                      }}
                    >
                      <Table.Td>
                        <Text
                          size="sm"
                          ff="monospace"
                          style={{ whiteSpace: 'nowrap' }}
                          title={logTimeTitle(entry.at)}
                        >
                          <time dateTime={entry.at}>{formatLogTime(entry.at)}</time>
                        </Text>
                      </Table.Td>
                      <Table.Td miw={240}>
                        {/* The whole path, wrapped: ids at its end are what admins look for. */}
                        <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                          {entry.method} {entry.path}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <LogStatusBadge status={entry.status} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{entry.resourceType ?? '—'}</Text>
                      </Table.Td>
                      <Table.Td maw={280}>
                        <Text size="sm" c={entry.detail ? 'red' : 'dimmed'} truncate>
                          {entry.scimType ? `${entry.scimType}: ` : ''}
                          {entry.detail ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm" c="dimmed">
                          {entry.durationMs} ms
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="center" p="md">
              {log.hasNextPage ? (
                <Button
                  variant="default"
                  onClick={() => void log.fetchNextPage()}
                  loading={log.isFetchingNextPage}
                >
                  Load older requests
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  {entries.length} request{entries.length === 1 ? '' : 's'}: that is all.
                </Text>
              )}
            </Group>
          </>
        )}
      </Card>
      <LogEntryDrawer entry={selected} onClose={() => setSelected(null)} />
    </>
  );
}
