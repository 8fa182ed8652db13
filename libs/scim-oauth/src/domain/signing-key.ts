import type { ScheduledKey } from './signing-key.schedule';

/** One of Rollcall's own access token signing keys. */
export interface SigningKey extends ScheduledKey {
  algorithm: string;
  /** The public half as a JWK (JSON text), served at /oauth/jwks. */
  publicJwk: string;
  /** PKCS#8 PEM sealed with SecretBox, bound to the kid. */
  privateKeySealed: string;
  createdAt: Date;
}
