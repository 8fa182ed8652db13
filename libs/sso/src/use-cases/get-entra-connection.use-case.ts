import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EntraConnectionEntity } from '../persistence/entra-connection.entity';

export interface EntraConnection {
  tenantId: string;
  connectedByEmail: string;
  connectedAt: Date;
}

/** The org's connected Entra tenant, or null. */
@Injectable()
export class GetEntraConnection {
  constructor(private readonly dataSource: DataSource) {}

  async execute(organizationId: string): Promise<EntraConnection | null> {
    const row = await this.dataSource
      .getRepository(EntraConnectionEntity)
      .findOneBy({ organizationId });
    if (!row) return null;
    return {
      tenantId: row.tenantId,
      connectedByEmail: row.connectedByEmail,
      connectedAt: row.connectedAt,
    };
  }
}
