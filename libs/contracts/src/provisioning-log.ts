export type ProvisioningResourceType = 'User' | 'Group';

/** One SCIM request Entra (or another client) made, as the provisioning log keeps it. */
export interface ProvisioningLogEntryView {
  id: string;
  at: string;
  method: string;
  path: string;
  filter: string | null;
  status: number;
  scimType: string | null;
  detail: string | null;
  resourceType: ProvisioningResourceType | null;
  resourceId: string | null;
  durationMs: number;
  tokenPrefix: string | null;
  requestId: string | null;
  /** Redacted (no secrets) and truncated JSON text, or null for GET/DELETE. */
  requestBody: string | null;
}

/** `GET /api/provisioning-log`, newest first; pass `nextCursor` back as `cursor`. */
export interface ProvisioningLogPageView {
  entries: ProvisioningLogEntryView[];
  nextCursor: string | null;
}

/** `GET /api/provisioning-log/summary?hours=N`: the quarantine-risk indicator's input. */
export interface ProvisioningLogSummaryView {
  hours: number;
  since: string;
  total: number;
  /**
   * Failed operations as Entra counts them (see ProvisioningHealthView): 5xx, and 4xx except
   * a 404 answered to a GET. `byStatus` still counts every status.
   */
  failed: number;
  /** failed / total, 0 when there were no requests. */
  failureRatio: number;
  lastRequestAt: string | null;
  lastFailureAt: string | null;
  /** Request counts by HTTP status code, e.g. `{ "200": 40, "409": 2 }`. */
  byStatus: Record<string, number>;
}

/**
 * Entra quarantines an application when, past this many failed requests, more than
 * ENTRA_QUARANTINE_FAILURE_RATIO of its requests fail.
 */
export const ENTRA_QUARANTINE_MIN_FAILURES = 5000;
export const ENTRA_QUARANTINE_FAILURE_RATIO = 0.4;

/** The windows `GET /api/provisioning-log/health?range=` charts: hour buckets or day buckets. */
export const PROVISIONING_HEALTH_RANGES = ['24h', '30d'] as const;
export type ProvisioningHealthRange = (typeof PROVISIONING_HEALTH_RANGES)[number];

/**
 * Entra's quarantine threshold as the health chart draws it: the failure ratio (0–1) above
 * which Entra puts the application in quarantine (once past ENTRA_QUARANTINE_MIN_FAILURES).
 */
export const ENTRA_QUARANTINE_THRESHOLD = ENTRA_QUARANTINE_FAILURE_RATIO;

/** One hour or one day of SCIM requests, in UTC. */
export interface ProvisioningHealthBucketView {
  /** The bucket's first instant (ISO, UTC, on the hour or at midnight). */
  start: string;
  requests: number;
  /** Requests that count as failed operations (see ProvisioningHealthView). */
  failures: number;
  /** failures / requests, 0 for an empty bucket. */
  failureRatio: number;
}

/** One error the SCIM API answered, by status and SCIM `scimType`, with how often. */
export interface ProvisioningErrorCodeView {
  status: number;
  scimType: string | null;
  count: number;
}

/**
 * `GET /api/provisioning-log/health?range=24h|30d`: requests and failures per bucket, oldest
 * first and zero-filled, with the top error codes of the range.
 *
 * A failure is what Entra counts as a failed operation: a 5xx, or a 4xx except a 404 answered
 * to a GET. Entra reads a user or group by id before it updates it, and a 404 there is how it
 * learns the object is gone (it then creates it): part of normal matching, never quarantined.
 * A 404 to a PATCH, PUT or DELETE, a 409 `uniqueness`, a 400 or a 429 do count.
 */
export interface ProvisioningHealthView {
  range: ProvisioningHealthRange;
  bucket: 'hour' | 'day';
  /** The first bucket's start. */
  since: string;
  requests: number;
  failures: number;
  failureRatio: number;
  /** ENTRA_QUARANTINE_THRESHOLD, so a client draws the same line. */
  quarantineThreshold: number;
  buckets: ProvisioningHealthBucketView[];
  /** At most 5, most frequent first. */
  topErrors: ProvisioningErrorCodeView[];
}

/** Rows `GET /api/provisioning-log.csv` writes at most; narrow the filter for more. */
export const PROVISIONING_LOG_CSV_MAX_ROWS = 50_000;
