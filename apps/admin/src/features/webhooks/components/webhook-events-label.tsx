import { Badge, Group, Text, Tooltip } from '@mantine/core';
import type { WebhookEndpointView } from '@rollcall/contracts';

const SHOWN = 2;

/** "All events", or the first types and "+N more" with the whole list on hover. */
export function WebhookEventsLabel({ events }: { events: WebhookEndpointView['events'] }) {
  if (!events) {
    return (
      <Text size="sm" c="dimmed">
        All events
      </Text>
    );
  }
  const rest = events.length - SHOWN;
  return (
    <Group gap={4} wrap="wrap">
      {events.slice(0, SHOWN).map((type) => (
        <Badge key={type} variant="default" tt="none" ff="monospace" fw={500}>
          {type}
        </Badge>
      ))}
      {rest > 0 ? (
        <Tooltip label={events.slice(SHOWN).join(', ')} multiline maw={320} withArrow>
          <Badge variant="light" color="gray" tt="none">
            +{rest} more
          </Badge>
        </Tooltip>
      ) : null}
    </Group>
  );
}
