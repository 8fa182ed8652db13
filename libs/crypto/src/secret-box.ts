import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';
const IV_BYTES = 12;
export const ENCRYPTION_KEY_BYTES = 32;

/** A sealed value could not be opened: wrong key, or the stored text was altered. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/**
 * Encrypts secrets that must be stored and read back (an OIDC client secret, a signing key):
 * AES-256-GCM with a fresh IV per value, so a sealed value is confidential and tamper-evident.
 * The sealed form is text, `v1.<iv>.<tag>.<ciphertext>` (base64url), and fits any text column.
 * An optional context (e.g. the row's id) is bound as associated data: a sealed value copied
 * onto another row does not open there.
 */
export class SecretBox {
  private readonly key: Buffer;
  private readonly previousKeys: readonly Buffer[];

  /**
   * `previousKeys` only open: during a rotation of ENCRYPTION_KEY the values sealed with the
   * old key stay readable until `reseal` has moved each of them to the current one.
   */
  constructor(key: Buffer, previousKeys: readonly Buffer[] = []) {
    for (const candidate of [key, ...previousKeys]) {
      if (candidate.length !== ENCRYPTION_KEY_BYTES) {
        throw new SecretBoxError(`The encryption key must be ${ENCRYPTION_KEY_BYTES} bytes.`);
      }
    }
    this.key = Buffer.from(key);
    this.previousKeys = previousKeys.map((previous) => Buffer.from(previous));
  }

  seal(plaintext: string, context = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  open(sealed: string, context = ''): string {
    return this.openWithAnyKey(sealed, context).plaintext;
  }

  /**
   * The value sealed anew with the current key when it was sealed with a previous one; null
   * when it already is current. Throws when no key opens it.
   */
  reseal(sealed: string, context = ''): string | null {
    const { plaintext, current } = this.openWithAnyKey(sealed, context);
    return current ? null : this.seal(plaintext, context);
  }

  private openWithAnyKey(sealed: string, context: string): { plaintext: string; current: boolean } {
    const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined || rest.length) {
      throw new SecretBoxError('The stored secret is not in a known sealed format.');
    }
    for (const key of [this.key, ...this.previousKeys]) {
      const plaintext = decrypt(key, iv, tag, ciphertext, context);
      if (plaintext !== undefined) return { plaintext, current: key === this.key };
    }
    throw new SecretBoxError(
      'The stored secret could not be decrypted: the encryption key differs from the one it was sealed with.',
    );
  }
}

/** GCM's tag check fails on a wrong key or altered text: undefined, not an exception. */
function decrypt(
  key: Buffer,
  iv: string,
  tag: string,
  ciphertext: string,
  context: string,
): string | undefined {
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * Reads `ENCRYPTION_KEY`: 32 bytes as base64 (44 characters) or hex (64 characters).
 * Returns undefined for anything else, so configuration can say what is wrong.
 */
export function parseEncryptionKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const key = Buffer.from(trimmed, 'base64');
    if (key.length === ENCRYPTION_KEY_BYTES) return key;
  }
  return undefined;
}

export function generateEncryptionKey(): Buffer {
  return randomBytes(ENCRYPTION_KEY_BYTES);
}
