import { Injectable } from '@nestjs/common';
import type { EntraConnection } from '../domain/entra-connection';
import { EntraConnectionStore } from '../persistence/entra-connection.store';

/** The org's connected Entra tenant, or null. */
@Injectable()
export class GetEntraConnection {
  constructor(private readonly connections: EntraConnectionStore) {}

  async execute(organizationId: string): Promise<EntraConnection | null> {
    const connection = await this.connections.find(organizationId);
    if (!connection) return null;
    return {
      tenantId: connection.tenantId,
      connectedByEmail: connection.connectedByEmail,
      connectedAt: connection.connectedAt,
    };
  }
}
