import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SamlServiceProviderKey } from '../domain/saml-connection';
import { SamlServiceProviderEntity } from './saml-service-provider.entity';

/** Each organization's service-provider key pair, made once on first use. */
@Injectable()
export class SamlServiceProviderStore {
  constructor(private readonly dataSource: DataSource) {}

  async find(organizationId: string): Promise<SamlServiceProviderKey | null> {
    return this.dataSource.manager.findOneBy(SamlServiceProviderEntity, { organizationId });
  }

  /** Stores the org's key unless another request stored one first; the stored one wins. */
  async insertIfAbsent(key: SamlServiceProviderKey): Promise<SamlServiceProviderKey> {
    await this.dataSource.manager
      .createQueryBuilder()
      .insert()
      .into(SamlServiceProviderEntity)
      .values(key)
      .orIgnore()
      .execute();
    const stored = await this.find(key.organizationId);
    if (!stored) throw new Error(`Organization ${key.organizationId} has no SAML key.`);
    return stored;
  }
}
