import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { managerOf, type Tx } from '@rollcall/db';
import type { SigningKey } from '../domain/signing-key';
import { SigningKeyEntity } from './signing-key.entity';

/** All SQL on `oauth_signing_keys`. */
@Injectable()
export class SigningKeyStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Every stored key, private halves sealed. */
  async all(): Promise<SigningKey[]> {
    const rows = await this.dataSource.getRepository(SigningKeyEntity).find();
    return rows.map(keyOf);
  }

  async insert(tx: Tx, key: SigningKey): Promise<void> {
    await managerOf(tx).insert(SigningKeyEntity, { ...key });
  }

  /** Drops these keys; a kid another replica dropped first is no error. */
  async delete(kids: readonly string[]): Promise<void> {
    if (kids.length === 0) return;
    await this.dataSource.getRepository(SigningKeyEntity).delete({ kid: In([...kids]) });
  }

  /** Every key's kid and sealed private half (nothing else: for re-sealing). */
  async sealedPrivateKeys(tx: Tx): Promise<{ kid: string; privateKeySealed: string }[]> {
    const rows = await managerOf(tx).find(SigningKeyEntity, {
      select: { kid: true, privateKeySealed: true },
    });
    return rows.map(({ kid, privateKeySealed }) => ({ kid, privateKeySealed }));
  }

  async replaceSealedPrivateKey(tx: Tx, kid: string, privateKeySealed: string): Promise<void> {
    await managerOf(tx).update(SigningKeyEntity, { kid }, { privateKeySealed });
  }
}

function keyOf(row: SigningKeyEntity): SigningKey {
  return {
    kid: row.kid,
    algorithm: row.algorithm,
    publicJwk: row.publicJwk,
    privateKeySealed: row.privateKeySealed,
    createdAt: row.createdAt,
    activatesAt: row.activatesAt,
    signsUntil: row.signsUntil,
  };
}
