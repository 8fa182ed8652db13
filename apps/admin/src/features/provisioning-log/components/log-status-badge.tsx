import { Badge } from '@mantine/core';

export function LogStatusBadge({ status }: { status: number }) {
  const color = status >= 500 ? 'red' : status >= 400 ? 'orange' : 'teal';
  return (
    <Badge color={color} variant="light" ff="monospace" aria-label={`Status ${status}`}>
      {status}
    </Badge>
  );
}
