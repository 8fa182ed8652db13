import { Text, Tooltip, type TextProps } from '@mantine/core';
import { formatDateTime, formatRelative } from './date.format';

interface RelativeTimeProps extends TextProps {
  iso: string;
}

/** "5 minutes ago", with the full date on hover (and the exact time in `datetime`). */
export function RelativeTime({ iso, ...text }: RelativeTimeProps) {
  const full = formatDateTime(iso);
  return (
    <Tooltip label={full} withArrow openDelay={200}>
      <Text component="time" dateTime={iso} size="sm" style={{ whiteSpace: 'nowrap' }} {...text}>
        {formatRelative(iso)}
      </Text>
    </Tooltip>
  );
}
