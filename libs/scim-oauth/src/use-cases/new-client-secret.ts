import { randomUUID } from 'node:crypto';
import { generateClientSecret } from '../domain/oauth-client.secret';
import type { OAuthClientSecretEntity } from '../persistence/oauth-client-secret.entity';

/**
 * A fresh secret for a client: the row to store (hash and visible prefix only) and the
 * secret itself, which is shown once and never stored.
 */
export function newClientSecret(
  oauthClientId: string,
  expiresAt: Date,
  now: Date,
): { row: OAuthClientSecretEntity; clientSecret: string } {
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
