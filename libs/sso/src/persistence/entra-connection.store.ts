import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, executorOf, managerOf, type Tx } from '@rollcall/db';
import type { StoredEntraConnection } from '../domain/entra-connection';
import { EntraConnectionEntity } from './entra-connection.entity';

export interface NewEntraConnection {
  organizationId: string;
  tenantId: string;
  /** The admin who proved they administer the tenant; their address is kept as text. */
  connectedBy: { id: string; email: string };
  connectedAt: Date;
}

/** Which Entra tenant each organization connected for Sign in with Microsoft. */
@Injectable()
export class EntraConnectionStore {
  constructor(private readonly dataSource: DataSource) {}

  async find(organizationId: string, tx?: Tx): Promise<StoredEntraConnection | null> {
    const row = await executorOf(tx, this.dataSource).findOneBy(EntraConnectionEntity, {
      organizationId,
    });
    return row && toConnection(row);
  }

  /** The organization that connected the tenant (`tid`), if any. */
  async findByTenant(tenantId: string, tx?: Tx): Promise<StoredEntraConnection | null> {
    const row = await executorOf(tx, this.dataSource).findOneBy(EntraConnectionEntity, {
      tenantId,
    });
    return row && toConnection(row);
  }

  /**
   * Records the org's tenant, replacing the one it had, with its `sso.connected` event. A tenant
   * another org holds fails on the unique index: two orgs connecting one tenant at once only
   * meet there.
   */
  async connect(tx: Tx, connection: NewEntraConnection): Promise<void> {
    const manager = managerOf(tx);
    const { organizationId, tenantId, connectedBy } = connection;
    await manager.delete(EntraConnectionEntity, { organizationId });
    await manager.insert(EntraConnectionEntity, {
      organizationId,
      tenantId,
      connectedByAdminId: connectedBy.id,
      connectedByEmail: connectedBy.email,
      connectedAt: connection.connectedAt,
    });
    appendEvents(tx, [
      {
        organizationId,
        type: 'sso.connected',
        actor: `admin:${connectedBy.email}`,
        subject: { type: 'sso_provider', id: 'microsoft' },
        data: { provider: 'microsoft', tenantId },
      },
    ]);
  }

  /** Removes the org's connection with its `sso.disconnected` event; false when it had none. */
  async disconnect(tx: Tx, organizationId: string, actor: string): Promise<boolean> {
    const deleted = await managerOf(tx).delete(EntraConnectionEntity, { organizationId });
    if (!deleted.affected) return false;
    appendEvents(tx, [
      {
        organizationId,
        type: 'sso.disconnected',
        actor,
        subject: { type: 'sso_provider', id: 'microsoft' },
        data: { provider: 'microsoft' },
      },
    ]);
    return true;
  }

  /**
   * The operator's release (CLI): the tenant's binding is removed whichever org holds it, with
   * an `sso.disconnected` event that says so. The released connection, or null when none.
   */
  async release(tx: Tx, tenantId: string): Promise<StoredEntraConnection | null> {
    const manager = managerOf(tx);
    const row = await manager.findOneBy(EntraConnectionEntity, { tenantId });
    if (!row) return null;
    await manager.delete(EntraConnectionEntity, { organizationId: row.organizationId });
    appendEvents(tx, [
      {
        organizationId: row.organizationId,
        type: 'sso.disconnected',
        actor: 'cli',
        subject: { type: 'sso_provider', id: 'microsoft' },
        data: { provider: 'microsoft', tenantId: row.tenantId, releasedByOperator: true },
      },
    ]);
    return toConnection(row);
  }
}

function toConnection(row: EntraConnectionEntity): StoredEntraConnection {
  return {
    organizationId: row.organizationId,
    tenantId: row.tenantId,
    connectedByEmail: row.connectedByEmail,
    connectedAt: row.connectedAt,
  };
}
