import { Alert, Code, Drawer, Group, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ProvisioningLogEntryView } from '@rollcall/contracts';
import { formatDateTime } from '../../../components/date.format';
import { LogStatusBadge } from './log-status-badge';

function Field({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={2}>
        {label}
      </Text>
      <Text
        size="sm"
        ff={value ? 'monospace' : undefined}
        c={value ? undefined : 'dimmed'}
        style={{ wordBreak: 'break-all' }}
      >
        {value ?? '—'}
      </Text>
    </div>
  );
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function LogEntryDrawer({
  entry,
  onClose,
}: {
  entry: ProvisioningLogEntryView | null;
  onClose: () => void;
}) {
  return (
    <Drawer
      opened={entry !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={<Text fw={700}>SCIM request</Text>}
      scrollAreaComponent={ScrollArea.Autosize}
    >
      {entry ? (
        <Stack gap="lg">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <LogStatusBadge status={entry.status} />
            <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
              {entry.method} {entry.path}
            </Text>
          </Group>
          {entry.status >= 400 ? (
            <Alert
              color={entry.status >= 500 ? 'red' : 'orange'}
              variant="light"
              title="Error sent to Entra"
            >
              <Text size="sm">{entry.detail ?? 'No detail.'}</Text>
              {entry.scimType ? (
                <Text size="sm" mt={4}>
                  scimType: <Code>{entry.scimType}</Code>
                </Text>
              ) : null}
            </Alert>
          ) : null}
          <SimpleGrid cols={2} spacing="md">
            <Field label="Time" value={formatDateTime(entry.at)} />
            <Field label="Duration" value={`${entry.durationMs} ms`} />
            <Field
              label="Resource"
              value={
                entry.resourceType ? `${entry.resourceType} ${entry.resourceId ?? ''}`.trim() : null
              }
            />
            <Field label="Token" value={entry.tokenPrefix ? `${entry.tokenPrefix}…` : null} />
            <Field label="Filter" value={entry.filter} />
            <Field label="Request id" value={entry.requestId} />
          </SimpleGrid>
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
              Request body
            </Text>
            {entry.requestBody ? (
              <Code block fz="xs" aria-label="Request body">
                {prettyJson(entry.requestBody)}
              </Code>
            ) : (
              <Text size="sm" c="dimmed">
                No body ({entry.method} requests carry none).
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={4}>
              Secrets are redacted and long bodies truncated before they are stored.
            </Text>
          </div>
        </Stack>
      ) : null}
    </Drawer>
  );
}
