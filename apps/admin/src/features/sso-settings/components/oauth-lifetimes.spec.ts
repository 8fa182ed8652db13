import {
  accessTokenLifetimeError,
  formatMinutes,
  liveSecrets,
  secretLifetimeError,
  secretState,
} from './oauth-lifetimes';

describe('accessTokenLifetimeError', () => {
  it.each([60, 61, 360])('accepts %i minutes', (value) => {
    expect(accessTokenLifetimeError(value)).toBeNull();
  });

  it.each([
    [59, 'Between 60 and 360 minutes.'],
    [361, 'Between 60 and 360 minutes.'],
    [0, 'Between 60 and 360 minutes.'],
    [90.5, 'Enter a whole number of minutes.'],
    ['', 'Enter a number of minutes.'],
  ] as const)('refuses %p', (value, message) => {
    expect(accessTokenLifetimeError(value)).toBe(message);
  });
});

describe('secretLifetimeError', () => {
  it('keeps secrets between one and three years', () => {
    expect(secretLifetimeError(365)).toBeNull();
    expect(secretLifetimeError('1095')).toBeNull();
    expect(secretLifetimeError(364)).toBe('Between 365 and 1,095 days.');
    expect(secretLifetimeError(1096)).toBe('Between 365 and 1,095 days.');
  });
});

describe('formatMinutes', () => {
  it.each([
    [60, '1 hour'],
    [90, '1 h 30 min'],
    [360, '6 hours'],
    [45, '45 minutes'],
  ])('%i → %s', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});

describe('secretState', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');
  it('tells revoked, expired, expiring and live apart', () => {
    expect(
      secretState({ revokedAt: '2026-05-01T00:00:00Z', expiresAt: '2027-06-01T00:00:00Z' }, now),
    ).toBe('revoked');
    expect(secretState({ revokedAt: null, expiresAt: '2026-05-31T23:59:59Z' }, now)).toBe(
      'expired',
    );
    expect(secretState({ revokedAt: null, expiresAt: '2026-06-20T00:00:00Z' }, now)).toBe(
      'expiring',
    );
    expect(secretState({ revokedAt: null, expiresAt: '2027-06-01T00:00:00Z' }, now)).toBe('live');
  });

  it('counts only secrets that still authenticate as live', () => {
    const secrets = [
      { id: 'a', revokedAt: null, expiresAt: '2027-06-01T00:00:00Z' },
      { id: 'b', revokedAt: '2026-05-01T00:00:00Z', expiresAt: '2027-06-01T00:00:00Z' },
      { id: 'c', revokedAt: null, expiresAt: '2026-01-01T00:00:00Z' },
      { id: 'd', revokedAt: null, expiresAt: '2026-06-10T00:00:00Z' },
    ];
    expect(liveSecrets(secrets, now).map((secret) => secret.id)).toEqual(['a', 'd']);
  });
});
