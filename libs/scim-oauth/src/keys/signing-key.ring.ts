import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  SignJWT,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importJWK,
  importPKCS8,
  type JWK,
  type KeyLike,
} from 'jose';
import { SecretBox } from '@rollcall/crypto';
import { Transactions } from '@rollcall/db';
import type { AccessTokenClaims } from '../domain/access-token.claims';
import type { SigningKey } from '../domain/signing-key';
import { planKeyRotation } from '../domain/signing-key.schedule';
import { SigningKeyStore } from '../persistence/signing-key.store';

/** Rollcall's access tokens are ES256: small signatures, fast to check. */
export const ACCESS_TOKEN_ALGORITHM = 'ES256';
/** RFC 9068 §2.1: the `typ` of a JWT access token. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';
/** How long the in-memory keys are trusted before the table is read again. */
const REFRESH_MS = 60_000;
/** An unknown `kid` re-reads the table at most this often (another replica may have rotated). */
const UNKNOWN_KID_REFRESH_MS = 5_000;

interface LoadedKeys {
  loadedAt: number;
  active: { kid: string; signsUntil: number; privateKey: KeyLike };
  publicKeys: Map<string, { jwk: JWK; key: KeyLike }>;
}

/**
 * Rollcall's signing keys, kept in memory so issuing and checking a token needs no database
 * read: the table is re-read every minute (and on an unknown `kid`), which is also when keys
 * are rotated on schedule and expired ones dropped.
 */
@Injectable()
export class SigningKeyRing {
  private loaded: LoadedKeys | undefined;
  private loading: Promise<LoadedKeys> | undefined;
  private lastUnknownKidRefresh = 0;

  constructor(
    private readonly transactions: Transactions,
    private readonly store: SigningKeyStore,
    private readonly secretBox: SecretBox,
  ) {}

  /** Signs access token claims with the active key. */
  async sign(claims: AccessTokenClaims): Promise<string> {
    const { active } = await this.keys();
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid: active.kid, typ: ACCESS_TOKEN_TYPE })
      .sign(active.privateKey);
  }

  /** The public key of `kid`, if it is published. */
  async verificationKey(kid: string | undefined): Promise<KeyLike | undefined> {
    if (!kid) return undefined;
    let keys = await this.keys();
    if (
      !keys.publicKeys.has(kid) &&
      Date.now() - this.lastUnknownKidRefresh > UNKNOWN_KID_REFRESH_MS
    ) {
      this.lastUnknownKidRefresh = Date.now();
      keys = await this.keys(true);
    }
    return keys.publicKeys.get(kid)?.key;
  }

  /** The JWKS: public keys only. */
  async jwks(): Promise<{ keys: JWK[] }> {
    const { publicKeys } = await this.keys();
    return { keys: [...publicKeys.values()].map(({ jwk }) => ({ ...jwk })) };
  }

  private async keys(force = false): Promise<LoadedKeys> {
    const now = Date.now();
    const current = this.loaded;
    if (
      !force &&
      current &&
      now - current.loadedAt < REFRESH_MS &&
      now < current.active.signsUntil
    ) {
      return current;
    }
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    this.loaded = await this.loading;
    return this.loaded;
  }

  private async load(): Promise<LoadedKeys> {
    const now = new Date();
    let rows = await this.store.all();
    let plan = planKeyRotation(rows, now);
    await this.store.delete(plan.expired.map((k) => k.kid));
    if (plan.create) {
      rows = [
        ...plan.published,
        await this.createKey(plan.create.activatesAt, plan.create.signsUntil),
      ];
      plan = planKeyRotation(rows, now);
    }
    const active = plan.active;
    if (!active) throw new Error('No signing key is active after rotation.');
    const privateKey = await importPKCS8(
      this.secretBox.open(active.privateKeySealed, active.kid),
      ACCESS_TOKEN_ALGORITHM,
    );
    const publicKeys = new Map<string, { jwk: JWK; key: KeyLike }>();
    for (const row of plan.published) {
      const jwk = JSON.parse(row.publicJwk) as JWK;
      const key = await importJWK(jwk, row.algorithm);
      if (typeof key !== 'object' || key instanceof Uint8Array) continue;
      publicKeys.set(row.kid, { jwk, key });
    }
    return {
      loadedAt: Date.now(),
      active: { kid: active.kid, signsUntil: active.signsUntil.getTime(), privateKey },
      publicKeys,
    };
  }

  private async createKey(activatesAt: Date, signsUntil: Date): Promise<SigningKey> {
    const { publicKey, privateKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, {
      extractable: true,
    });
    const kid = randomUUID();
    const jwk = await exportJWK(publicKey);
    const row: SigningKey = {
      kid,
      algorithm: ACCESS_TOKEN_ALGORITHM,
      publicJwk: JSON.stringify({ ...jwk, kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' }),
      privateKeySealed: this.secretBox.seal(await exportPKCS8(privateKey), kid),
      createdAt: new Date(),
      activatesAt,
      signsUntil,
    };
    await this.transactions.run((tx) => this.store.insert(tx, row));
    return row;
  }
}
