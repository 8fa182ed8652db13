import { Injectable } from '@nestjs/common';
import { toOidcProvider, type OidcProvider } from '../domain/oidc-provider';
import { OidcProviderStore } from '../persistence/oidc-provider.store';

/** The org's custom OIDC provider, or null. */
@Injectable()
export class GetOidcProvider {
  constructor(private readonly providers: OidcProviderStore) {}

  async execute(organizationId: string): Promise<OidcProvider | null> {
    const provider = await this.providers.find(organizationId);
    return provider && toOidcProvider(provider);
  }
}
