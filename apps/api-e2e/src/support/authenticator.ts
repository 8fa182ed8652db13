import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Base32Plugin, CryptoPlugin } from '@otplib/core';
import { generate } from '@otplib/totp';

// An authenticator app for the suites: otplib's TOTP (RFC 6238) with node:crypto and a Base32
// decoder of its own, because otplib's default plugins are ES modules Jest cannot require.
// It shares no code with the server's TOTP, so a wrong server algorithm fails the suites.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const base32: Base32Plugin = {
  name: 'test-base32',
  encode(data) {
    let bits = '';
    for (const byte of data) bits += byte.toString(2).padStart(8, '0');
    return (bits.match(/.{1,5}/g) ?? [])
      .map((chunk) => ALPHABET[parseInt(chunk.padEnd(5, '0'), 2)])
      .join('');
  },
  decode(text) {
    const bits = [...text.replace(/=+$/, '').toUpperCase()]
      .map((char) => ALPHABET.indexOf(char).toString(2).padStart(5, '0'))
      .join('');
    return Uint8Array.from((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
  },
};

const crypto: CryptoPlugin = {
  name: 'test-node-crypto',
  hmac: (algorithm, key, data) => new Uint8Array(createHmac(algorithm, key).update(data).digest()),
  randomBytes: (length) => new Uint8Array(randomBytes(length)),
  constantTimeEqual: (a, b) => {
    const left = Buffer.from(a);
    const right = Buffer.from(b);
    return left.length === right.length && timingSafeEqual(left, right);
  },
};

/** The 6-digit code an authenticator shows `offsetSteps` 30-second steps from now. */
export function totp(secret: string, offsetSteps = 0): Promise<string> {
  return generate({
    secret,
    crypto,
    base32,
    algorithm: 'sha1',
    digits: 6,
    period: 30,
    epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30,
  });
}

const PERIOD_MS = 30_000;

/**
 * Codes for one enrolled secret the way a person gets them: each from a step the server has
 * not seen yet (it accepts a step once) and within its ±1 step window; when the next unused step
 * is still ahead of that window, it waits for the clock, as a person waits for the app.
 */
export class Authenticator {
  private lastStep = 0;

  constructor(readonly secret: string) {}

  async nextCode(): Promise<string> {
    let now = Math.floor(Date.now() / PERIOD_MS);
    while (this.lastStep + 1 > now + 1) {
      await new Promise((resolve) => setTimeout(resolve, (now + 1) * PERIOD_MS - Date.now() + 50));
      now = Math.floor(Date.now() / PERIOD_MS);
    }
    const step = Math.max(this.lastStep + 1, now - 1);
    this.lastStep = step;
    return generate({
      secret: this.secret,
      crypto,
      base32,
      algorithm: 'sha1',
      digits: 6,
      period: 30,
      epoch: step * 30,
    });
  }
}
