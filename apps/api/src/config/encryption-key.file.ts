import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEncryptionKey, parseEncryptionKey } from '@rollcall/crypto';

const KEY_FILE = 'encryption.key';

/**
 * The key from `ENCRYPTION_KEY`, else the one in `<DATA_DIR>/encryption.key`, created (mode
 * 0600) on first start so `npm start` needs no setup. Losing that file makes stored OIDC client
 * secrets and signing keys unreadable: production sets `ENCRYPTION_KEY` from a secret store.
 */
export function resolveEncryptionKey(configured: Buffer | undefined, dataDir: string): Buffer {
  if (configured) return configured;
  const file = join(dataDir, KEY_FILE);
  try {
    const key = parseEncryptionKey(readFileSync(file, 'utf8'));
    if (!key) throw new Error(`${file} does not hold a 32-byte key (base64 or hex).`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = generateEncryptionKey();
  try {
    // `wx`: two processes starting at once must not each write their own key.
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return resolveEncryptionKey(undefined, dataDir);
  }
}
