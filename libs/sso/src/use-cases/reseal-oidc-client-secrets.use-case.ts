import { Injectable } from '@nestjs/common';
import { SecretBox } from '@rollcall/crypto';
import { Transactions } from '@rollcall/db';
import { OidcProviderStore } from '../persistence/oidc-provider.store';

/**
 * ENCRYPTION_KEY rotation: every custom OIDC client secret still sealed with a previous key is
 * sealed anew with the current one. Idempotent; the count says how many rows moved.
 */
@Injectable()
export class ResealOidcClientSecrets {
  constructor(
    private readonly transactions: Transactions,
    private readonly providers: OidcProviderStore,
    private readonly secretBox: SecretBox,
  ) {}

  execute(): Promise<number> {
    return this.transactions.run(async (tx) => {
      let resealed = 0;
      for (const sealed of await this.providers.sealedClientSecrets(tx)) {
        const clientSecretSealed = this.secretBox.reseal(sealed.clientSecretSealed, sealed.id);
        if (clientSecretSealed === null) continue;
        await this.providers.replaceSealedClientSecret(tx, sealed.id, clientSecretSealed);
        resealed += 1;
      }
      return resealed;
    });
  }
}
