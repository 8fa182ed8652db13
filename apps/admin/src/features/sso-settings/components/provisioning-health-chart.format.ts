import type { ProvisioningErrorCodeView, ProvisioningHealthView } from '@rollcall/contracts';

/** One bar group and one ratio point of the health chart. */
export interface HealthChartPoint {
  /** The bucket's start, ISO (the table's full time). */
  start: string;
  /** The x-axis label, local time: `14:00` for hours, `12 Mar` for days. */
  label: string;
  requests: number;
  failures: number;
  /** The failure ratio in percent, one decimal. */
  failurePercent: number;
}

const percent = (ratio: number) => Math.round(ratio * 1000) / 10;

export function bucketLabel(start: string, bucket: ProvisioningHealthView['bucket']): string {
  const date = new Date(start);
  return bucket === 'hour'
    ? date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
}

export function healthChartPoints(view: ProvisioningHealthView): HealthChartPoint[] {
  return view.buckets.map((b) => ({
    start: b.start,
    label: bucketLabel(b.start, view.bucket),
    requests: b.requests,
    failures: b.failures,
    failurePercent: percent(b.failureRatio),
  }));
}

const count = (n: number, noun: string) =>
  `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The chart in one sentence, for screen readers and anyone who prefers text: totals, the
 * ratio against Entra's threshold, and the busiest bucket.
 */
export function healthSummary(view: ProvisioningHealthView): string {
  const period = view.range === '24h' ? 'the last 24 hours' : 'the last 30 days';
  if (view.requests === 0) return `No SCIM requests in ${period}.`;
  const ratio = percent(view.failureRatio);
  const threshold = percent(view.quarantineThreshold);
  const busiest = view.buckets.reduce((best, b) => (b.requests > best.requests ? b : best));
  const when =
    view.bucket === 'hour'
      ? `the hour from ${bucketLabel(busiest.start, 'hour')}`
      : bucketLabel(busiest.start, 'day');
  return (
    `${count(view.requests, 'request')} and ${count(view.failures, 'failure')} in ${period}: ` +
    `${ratio} % failed, ${ratio > threshold ? 'above' : 'below'} Entra's ${threshold} % quarantine threshold. ` +
    `Busiest: ${when}, ${count(busiest.requests, 'request')}.`
  );
}

/** `409 uniqueness`, or the status alone when the error had no scimType. */
export function errorCodeLabel(error: ProvisioningErrorCodeView): string {
  return error.scimType ? `${error.status} ${error.scimType}` : String(error.status);
}
