import type { SecretBox } from '@rollcall/crypto';
import type { OidcProviderEntity } from '../persistence/oidc-provider.entity';
import type { OidcClientSettings } from './generic-oidc.client';

/** A stored provider with its client secret opened (bound to the row id), for one request. */
export function oidcClientSettings(
  row: OidcProviderEntity,
  secretBox: SecretBox,
): OidcClientSettings {
  return {
    displayName: row.displayName,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecret: secretBox.open(row.clientSecretSealed, row.id),
  };
}
