import {
  SESSION_ABSOLUTE_LIFETIME_MS,
  SESSION_IDLE_TIMEOUT_MS,
  idleCutoff,
  sessionClock,
  sessionExpiresAt,
} from './admin-session.policy';

const HOUR = 3_600_000;

describe('admin session policy', () => {
  const now = new Date('2025-06-01T12:00:00Z');

  it('ends a session after 12 idle hours or 7 days in all', () => {
    expect(SESSION_IDLE_TIMEOUT_MS).toBe(12 * HOUR);
    expect(SESSION_ABSOLUTE_LIFETIME_MS).toBe(7 * 24 * HOUR);
    expect(sessionExpiresAt(now)).toEqual(new Date('2025-06-08T12:00:00Z'));
    expect(idleCutoff(now)).toEqual(new Date('2025-06-01T00:00:00Z'));
  });

  it('judges one request by one clock: idle after 12 hours, last seen due after a minute', () => {
    expect(sessionClock(now)).toEqual({
      now,
      idleCutoff: new Date('2025-06-01T00:00:00Z'),
      lastSeenStaleBefore: new Date('2025-06-01T11:59:00Z'),
    });
  });
});
