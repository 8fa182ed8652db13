const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "12 Mar 2026, 14:05" in the browser's time zone. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** "just now", "5 minutes ago", "in 3 days". */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const delta = new Date(iso).getTime() - now;
  const abs = Math.abs(delta);
  const unit = (value: number, name: string) => `${value} ${name}${value === 1 ? '' : 's'}`;
  let text: string;
  if (abs < MINUTE) return delta < 0 || abs < 5_000 ? 'just now' : 'in less than a minute';
  else if (abs < HOUR) text = unit(Math.round(abs / MINUTE), 'minute');
  else if (abs < DAY) text = unit(Math.round(abs / HOUR), 'hour');
  else text = unit(Math.round(abs / DAY), 'day');
  return delta < 0 ? `${text} ago` : `in ${text}`;
}
