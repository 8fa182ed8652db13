import {
  LOGIN_THROTTLE,
  accountAtAddressKey,
  lockoutSeconds,
  normalizeEmail,
} from './login-throttle.policy';

const MINUTE = 60;

describe('login throttle policy', () => {
  it('allows 10 attempts per e-mail and address and 50 per address in 15 minutes', () => {
    expect(LOGIN_THROTTLE.accountAtAddress).toEqual({ points: 10, durationSeconds: 15 * MINUTE });
    expect(LOGIN_THROTTLE.address).toEqual({ points: 50, durationSeconds: 15 * MINUTE });
  });

  it('doubles each lockout of one e-mail and address, up to a day', () => {
    expect([1, 2, 3, 4].map(lockoutSeconds)).toEqual([15, 30, 60, 120].map((m) => m * MINUTE));
    expect(lockoutSeconds(8)).toBe(24 * 60 * MINUTE);
    expect(lockoutSeconds(50)).toBe(24 * 60 * MINUTE);
  });

  it('normalises e-mails so spellings share a counter', () => {
    expect(normalizeEmail('  Admin@Example.COM ')).toBe('admin@example.com');
    expect(accountAtAddressKey('Admin@Example.com', '192.0.2.1')).toBe(
      accountAtAddressKey('admin@example.com ', '192.0.2.1'),
    );
  });

  it('keeps e-mail and address apart in the pair key', () => {
    expect(accountAtAddressKey('a@x.example', '192.0.2.1')).not.toBe(
      accountAtAddressKey('a@x.example', '192.0.2.10'),
    );
  });
});
