import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SecretBox } from '@rollcall/crypto';
import { inTransaction } from '@rollcall/db';
import { SigningKeyEntity } from '../persistence/signing-key.entity';

/**
 * ENCRYPTION_KEY rotation: every token signing key still sealed with a previous key is sealed
 * anew with the current one. Idempotent; the count says how many rows moved.
 */
@Injectable()
export class ResealSigningKeys {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secretBox: SecretBox,
  ) {}

  execute(): Promise<number> {
    return inTransaction(this.dataSource, async (manager) => {
      const rows = await manager.find(SigningKeyEntity, {
        select: { kid: true, privateKeySealed: true },
      });
      let resealed = 0;
      for (const row of rows) {
        const privateKeySealed = this.secretBox.reseal(row.privateKeySealed, row.kid);
        if (privateKeySealed === null) continue;
        await manager.update(SigningKeyEntity, { kid: row.kid }, { privateKeySealed });
        resealed += 1;
      }
      return resealed;
    });
  }
}
