import { hashPassword, verifyPassword } from './password.hasher';

/** Replaces field `index` of `scrypt$N$r$p$salt$hash`. */
function withPart(stored: string, index: number, change: (part: string) => string): string {
  return stored
    .split('$')
    .map((part, i) => (i === index ? change(part) : part))
    .join('$');
}

function flipFirstByte(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0xff;
  return bytes.toString('base64');
}

// scrypt with OWASP parameters takes a moment per call: hash once, check many ways.
describe('password hasher', () => {
  const password = 'correct horse battery staple';
  let stored: string;

  beforeAll(async () => {
    stored = await hashPassword(password);
  });

  it('stores a self-describing scrypt hash, never the password', () => {
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(stored).not.toContain(password);
  });

  it('salts every hash', async () => {
    expect(await hashPassword(password)).not.toBe(stored);
  });

  it('verifies the right password', async () => {
    expect(await verifyPassword(password, stored)).toBe(true);
  });

  it.each([
    ['a wrong password', 'correct horse battery stapl'],
    ['a differently cased password', 'Correct horse battery staple'],
    ['an empty password', ''],
  ])('rejects %s', async (_what, attempt) => {
    expect(await verifyPassword(attempt, stored)).toBe(false);
  });

  it.each([
    ['a changed hash', (s: string) => withPart(s, 5, (hash) => flipFirstByte(hash))],
    ['a changed salt', (s: string) => withPart(s, 4, (salt) => flipFirstByte(salt))],
    ['a lowered cost', (s: string) => withPart(s, 1, () => '16384')],
    ['a truncated hash', (s: string) => withPart(s, 5, (hash) => hash.slice(0, 20))],
    ['another scheme', (s: string) => s.replace(/^scrypt/, 'bcrypt')],
    ['missing fields', (s: string) => s.split('$').slice(0, 5).join('$')],
    ['an empty string', () => ''],
  ])('rejects the right password against %s', async (_what, tamper) => {
    const tampered = tamper(stored);
    expect(tampered).not.toBe(stored);
    expect(await verifyPassword(password, tampered)).toBe(false);
  });
});
