import { randomUUID } from 'node:crypto';
import type { NewOAuthClientSecret } from '../domain/oauth-client';
import { generateClientSecret } from '../domain/oauth-client.secret';

/**
 * A fresh secret for a client: what to store (hash and visible prefix only) and the secret
 * itself, which is shown once and never stored.
 */
export function newClientSecret(
  oauthClientId: string,
  expiresAt: Date,
  now: Date,
): { row: NewOAuthClientSecret; clientSecret: string } {
  const generated = generateClientSecret();
  return {
    row: {
      id: randomUUID(),
      oauthClientId,
      secretHash: generated.hash,
      prefix: generated.prefix,
      createdAt: now,
      expiresAt,
      lastUsedAt: null,
      revokedAt: null,
    },
    clientSecret: generated.secret,
  };
}
