import { expiresAtFor } from './api-key-expiry';

describe('expiresAtFor', () => {
  const now = Date.UTC(2026, 0, 31, 12, 0, 0);

  it('sends no expiry for a key that lives until revoked', () => {
    expect(expiresAtFor('never', now)).toBeNull();
  });

  it('counts whole days from now', () => {
    expect(expiresAtFor('30', now)).toBe('2026-03-02T12:00:00.000Z');
    expect(expiresAtFor('365', now)).toBe('2027-01-31T12:00:00.000Z');
  });
});
