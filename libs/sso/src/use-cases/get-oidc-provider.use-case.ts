import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OidcProviderEntity } from '../persistence/oidc-provider.entity';

/** The org's custom provider as it may be shown: never the client secret. */
export interface OidcProvider {
  displayName: string;
  issuer: string;
  clientId: string;
  updatedAt: Date;
  updatedByEmail: string;
}

export function toOidcProvider(row: OidcProviderEntity): OidcProvider {
  return {
    displayName: row.displayName,
    issuer: row.issuer,
    clientId: row.clientId,
    updatedAt: row.updatedAt,
    updatedByEmail: row.updatedByEmail,
  };
}

/** The org's custom OIDC provider, or null. */
@Injectable()
export class GetOidcProvider {
  constructor(private readonly dataSource: DataSource) {}

  async execute(organizationId: string): Promise<OidcProvider | null> {
    const row = await this.dataSource
      .getRepository(OidcProviderEntity)
      .findOneBy({ organizationId });
    return row && toOidcProvider(row);
  }
}
