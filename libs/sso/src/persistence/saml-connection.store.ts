import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, LessThan, Not } from 'typeorm';
import { appendEvents, executorOf, managerOf, type Tx } from '@rollcall/db';
import type { SamlIdpSettings, StoredSamlConnection } from '../domain/saml-connection';
import { SamlConnectionEntity } from './saml-connection.entity';

export interface SamlConnectionSave {
  /** True when it replaces the org's connection, false when it is the first. */
  updated: boolean;
  actor: string;
}

/** Organizations' SAML identity providers. */
@Injectable()
export class SamlConnectionStore {
  constructor(private readonly dataSource: DataSource) {}

  async find(organizationId: string, tx?: Tx): Promise<StoredSamlConnection | null> {
    const row = await executorOf(tx, this.dataSource).findOneBy(SamlConnectionEntity, {
      organizationId,
    });
    return row && toConnection(row);
  }

  /** Creates or replaces the org's connection, with its `sso.connected` event. */
  async save(tx: Tx, connection: StoredSamlConnection, save: SamlConnectionSave): Promise<void> {
    const manager = managerOf(tx);
    const row = toRow(connection);
    if (save.updated) await manager.update(SamlConnectionEntity, { id: connection.id }, row);
    else await manager.insert(SamlConnectionEntity, row);
    appendEvents(tx, [connectedEvent(connection, save.actor, save.updated)]);
  }

  /** Removes the org's connection with its `sso.disconnected` event; false when it had none. */
  async delete(tx: Tx, organizationId: string, actor: string): Promise<boolean> {
    const deleted = await managerOf(tx).delete(SamlConnectionEntity, { organizationId });
    if (!deleted.affected) return false;
    appendEvents(tx, [
      {
        organizationId,
        type: 'sso.disconnected',
        actor,
        subject: { type: 'sso_provider', id: 'saml' },
        data: { provider: 'saml' },
      },
    ]);
    return true;
  }

  /** Connections configured by metadata URL whose last read is older than `before`, oldest first. */
  async dueForRefresh(before: Date, limit: number): Promise<StoredSamlConnection[]> {
    const manager = this.dataSource.manager;
    const [never, stale] = await Promise.all([
      manager.find(SamlConnectionEntity, {
        where: { metadataUrl: Not(IsNull()), metadataRefreshedAt: IsNull() },
        take: limit,
      }),
      manager.find(SamlConnectionEntity, {
        where: { metadataUrl: Not(IsNull()), metadataRefreshedAt: LessThan(before) },
        order: { metadataRefreshedAt: 'ASC' },
        take: limit,
      }),
    ]);
    return [...never, ...stale].slice(0, limit).map(toConnection);
  }

  /**
   * A successful re-read of the metadata URL: the settings it named now, with an
   * `sso.connected` event when they changed (an IdP certificate rollover, say). Only while the
   * connection still reads that URL: an admin's save in between wins.
   */
  async recordRefresh(
    tx: Tx,
    connection: StoredSamlConnection,
    settings: SamlIdpSettings,
    changed: boolean,
    at: Date,
  ): Promise<void> {
    const manager = managerOf(tx);
    const updated = await manager.update(
      SamlConnectionEntity,
      { id: connection.id, metadataUrl: connection.metadataUrl ?? '' },
      {
        ...(changed
          ? {
              idpEntityId: settings.idpEntityId,
              ssoUrl: settings.ssoUrl,
              certificates: JSON.stringify(settings.certificates),
              updatedAt: at,
            }
          : {}),
        metadataRefreshedAt: at,
        metadataRefreshError: null,
      },
    );
    if (changed && updated.affected) {
      appendEvents(tx, [
        connectedEvent({ ...connection, ...settings }, 'system:saml-metadata-refresh', true),
      ]);
    }
  }

  /** A failed re-read: the stored settings stay in use; the admin sees why. */
  async recordRefreshFailure(id: string, error: string, at: Date): Promise<void> {
    await this.dataSource.manager.update(
      SamlConnectionEntity,
      { id },
      { metadataRefreshedAt: at, metadataRefreshError: error.slice(0, 500) },
    );
  }
}

function connectedEvent(connection: StoredSamlConnection, actor: string, updated: boolean) {
  return {
    organizationId: connection.organizationId,
    type: 'sso.connected' as const,
    actor,
    subject: { type: 'sso_provider', id: 'saml' },
    data: {
      provider: 'saml',
      source: connection.source,
      metadataUrl: connection.metadataUrl,
      idpEntityId: connection.idpEntityId,
      ssoUrl: connection.ssoUrl,
      certificateCount: connection.certificates.length,
      allowSha1: connection.allowSha1,
      updated,
    },
  };
}

function toRow(connection: StoredSamlConnection): SamlConnectionEntity {
  return { ...connection, certificates: JSON.stringify(connection.certificates) };
}

function toConnection(row: SamlConnectionEntity): StoredSamlConnection {
  return {
    id: row.id,
    organizationId: row.organizationId,
    source: row.source,
    metadataUrl: row.metadataUrl,
    idpEntityId: row.idpEntityId,
    ssoUrl: row.ssoUrl,
    certificates: parseCertificates(row.certificates),
    allowSha1: row.allowSha1 === true || (row.allowSha1 as unknown) === 1,
    metadataRefreshedAt: row.metadataRefreshedAt,
    metadataRefreshError: row.metadataRefreshError,
    updatedByAdminId: row.updatedByAdminId,
    updatedByEmail: row.updatedByEmail,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function parseCertificates(stored: string): string[] {
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
}
