/** A session unused for this long is over: a forgotten browser tab stops being a way in. */
export const SESSION_IDLE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** However active, a session ends after this long and the admin signs in again. */
export const SESSION_ABSOLUTE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at only needs minute precision for a 12-hour idle timeout: one write a minute. */
export const SESSION_LAST_SEEN_RESOLUTION_MS = 60_000;

export function sessionExpiresAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + SESSION_ABSOLUTE_LIFETIME_MS);
}

/** Sessions last seen before this instant have expired by idleness. */
export function idleCutoff(now: Date): Date {
  return new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS);
}

/** The instants one request judges a session by, all from one clock. */
export interface SessionClock {
  now: Date;
  /** Sessions last seen at or before this have expired by idleness. */
  idleCutoff: Date;
  /** A last_seen_at older than this is due to be written again (see the resolution above). */
  lastSeenStaleBefore: Date;
}

export function sessionClock(now: Date): SessionClock {
  return {
    now,
    idleCutoff: idleCutoff(now),
    lastSeenStaleBefore: new Date(now.getTime() - SESSION_LAST_SEEN_RESOLUTION_MS),
  };
}
