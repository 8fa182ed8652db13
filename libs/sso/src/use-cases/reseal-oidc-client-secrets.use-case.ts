import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SecretBox } from '@rollcall/crypto';
import { inTransaction } from '@rollcall/db';
import { OidcProviderEntity } from '../persistence/oidc-provider.entity';

/**
 * ENCRYPTION_KEY rotation: every custom OIDC client secret still sealed with a previous key is
 * sealed anew with the current one. Idempotent; the count says how many rows moved.
 */
@Injectable()
export class ResealOidcClientSecrets {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secretBox: SecretBox,
  ) {}

  execute(): Promise<number> {
    return inTransaction(this.dataSource, async (manager) => {
      const rows = await manager.find(OidcProviderEntity, {
        select: { id: true, clientSecretSealed: true },
      });
      let resealed = 0;
      for (const row of rows) {
        const clientSecretSealed = this.secretBox.reseal(row.clientSecretSealed, row.id);
        if (clientSecretSealed === null) continue;
        await manager.update(OidcProviderEntity, { id: row.id }, { clientSecretSealed });
        resealed += 1;
      }
      return resealed;
    });
  }
}
