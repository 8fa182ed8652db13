import type { SecretBox } from '@rollcall/crypto';
import type { StoredOidcProvider } from '../domain/oidc-provider';
import type { OidcClientSettings } from './generic-oidc.client';

/** A stored provider with its client secret opened (bound to its id), for one request. */
export function oidcClientSettings(
  provider: StoredOidcProvider,
  secretBox: SecretBox,
): OidcClientSettings {
  return {
    displayName: provider.displayName,
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: secretBox.open(provider.clientSecretSealed, provider.id),
  };
}
