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
  /** Requests answered with a status of 400 or more. */
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
