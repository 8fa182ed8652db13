import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateEncryptionKey } from '@rollcall/crypto';
import { resolveEncryptionKey } from './encryption-key.file';

describe('resolveEncryptionKey', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'rollcall-key-'));

  it('prefers the configured key and writes no file', () => {
    const dir = dataDir();
    const key = generateEncryptionKey();
    expect(resolveEncryptionKey(key, dir).equals(key)).toBe(true);
    expect(() => statSync(join(dir, 'encryption.key'))).toThrow();
  });

  it('creates a private key file on first start and reads the same key afterwards', () => {
    const dir = dataDir();
    const first = resolveEncryptionKey(undefined, join(dir, 'nested'));
    const file = join(dir, 'nested', 'encryption.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveEncryptionKey(undefined, join(dir, 'nested')).equals(first)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('base64'));
  });

  it('refuses a key file that holds no key, rather than replacing it', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'encryption.key'), 'not a key');
    expect(() => resolveEncryptionKey(undefined, dir)).toThrow(/does not hold a 32-byte key/);
    expect(readFileSync(join(dir, 'encryption.key'), 'utf8')).toBe('not a key');
  });
});
