/** The events feature's slice of the configuration (`EVENT_RETENTION_DAYS`). */
export interface EventsOptions {
  retentionDays: number;
}

export const EVENTS_OPTIONS = Symbol('EVENTS_OPTIONS');
