import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * RFC 6238 as authenticator apps expect it: HMAC-SHA-1, 6 digits, 30 s steps from the Unix
 * epoch. Written on node:crypto (a few lines of RFC 4226 §5.3) rather than through otplib,
 * whose crypto and Base32 plugins are ES modules only; the tests check it against otplib.
 */
export const TOTP = { algorithm: 'sha1', digits: 6, periodSeconds: 30 } as const;

/** ±1 step: a phone whose clock is up to 30 s off, or a code typed as it rolls over. */
const SKEW_STEPS = 1;
const SECRET_BYTES = 20;
const CODE_PATTERN = /^\d{6}$/;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 §6 Base32 without padding, the form authenticator apps take. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/=+$/, '').toUpperCase();
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('Not Base32.');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** A new Base32 secret of 20 bytes (160 bits, the length RFC 4226 §4 recommends). */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(SECRET_BYTES));
}

/** `otpauth://totp/Rollcall:<email>?secret=…&issuer=Rollcall` (Google's Key Uri Format). */
export function totpUri(email: string, secret: string): string {
  const label = `${encodeURIComponent('Rollcall')}:${encodeURIComponent(email)}`;
  const query = new URLSearchParams({
    secret,
    issuer: 'Rollcall',
    algorithm: 'SHA1',
    digits: String(TOTP.digits),
    period: String(TOTP.periodSeconds),
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}

/** The time step (RFC 6238 §4.2 T) at `at`. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP.periodSeconds);
}

/** RFC 4226 §5.3: HOTP(K, C) with dynamic truncation, as 6 digits. */
export function hotp(secret: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac(TOTP.algorithm, secret).update(message).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** TOTP.digits).padStart(TOTP.digits, '0');
}

/** Spaces are how apps display codes ("123 456"); people paste them that way. */
export function normalizeTotpCode(code: string): string {
  return code.replace(/\s+/g, '');
}

/**
 * The time step `code` belongs to, if it is valid at `now` within ±1 step and newer than
 * `afterStep` (the last step accepted: RFC 6238 §5.2 says a code is accepted once), else null.
 */
export function acceptedTotpStep(
  secret: string,
  code: string,
  afterStep: number | null,
  now: Date = new Date(),
): number | null {
  const token = normalizeTotpCode(code);
  if (!CODE_PATTERN.test(token)) return null;
  const key = base32Decode(secret);
  const current = totpStep(now);
  let accepted: number | null = null;
  // Every candidate is computed and compared in constant time, so timing tells nothing.
  for (let step = current - SKEW_STEPS; step <= current + SKEW_STEPS; step++) {
    const matches = timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(token));
    if (matches && (afterStep === null || step > afterStep) && accepted === null) accepted = step;
  }
  return accepted;
}
