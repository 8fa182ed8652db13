import { createHash, randomInt } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;

// No 0/O, 1/l/i: codes are read off paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/**
 * Ten codes of 16 characters from 31 (≈79 bits each): enough that a plain SHA-256 of a stolen
 * row cannot be brute-forced, so they are not scrypt-hashed like passwords.
 */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    Array.from({ length: GROUPS }, () =>
      Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
    ).join('-'),
  );
}

/** Case, spaces and dashes do not matter: `ABCD EFGH…` is `abcd-efgh-…`. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]+/g, '');
}

/** Bound to the admin, so equal codes of two admins never share a hash. */
export function recoveryCodeHash(adminId: string, code: string): string {
  return createHash('sha256')
    .update(`${adminId}\n${normalizeRecoveryCode(code)}`, 'utf8')
    .digest('hex');
}
