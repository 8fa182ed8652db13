import { Injectable } from '@nestjs/common';
import { SecretBox } from '@rollcall/crypto';
import { Transactions } from '@rollcall/db';
import { SigningKeyStore } from '../persistence/signing-key.store';

/**
 * ENCRYPTION_KEY rotation: every token signing key still sealed with a previous key is sealed
 * anew with the current one. Idempotent; the count says how many rows moved.
 */
@Injectable()
export class ResealSigningKeys {
  constructor(
    private readonly transactions: Transactions,
    private readonly keys: SigningKeyStore,
    private readonly secretBox: SecretBox,
  ) {}

  execute(): Promise<number> {
    return this.transactions.run(async (tx) => {
      const rows = await this.keys.sealedPrivateKeys(tx);
      let resealed = 0;
      for (const row of rows) {
        const privateKeySealed = this.secretBox.reseal(row.privateKeySealed, row.kid);
        if (privateKeySealed === null) continue;
        await this.keys.replaceSealedPrivateKey(tx, row.kid, privateKeySealed);
        resealed += 1;
      }
      return resealed;
    });
  }
}
