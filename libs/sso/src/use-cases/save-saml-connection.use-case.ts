import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Transactions } from '@rollcall/db';
import { AdminLookup } from '@rollcall/organizations';
import type { StoredSamlConnection } from '../domain/saml-connection';
import { SamlConnectionStore } from '../persistence/saml-connection.store';
import { SamlIdpSettingsReader, type SamlIdpInput } from '../saml-sp/saml-idp-settings.reader';
import { GetSamlConnection, type SamlConnection } from './get-saml-connection.use-case';

export interface SaveSamlConnectionCommand {
  organizationId: string;
  adminId: string;
  idp: SamlIdpInput;
  allowSha1: boolean;
}

/**
 * Creates or replaces the org's SAML identity provider. The metadata is fetched and read (or
 * the manual values checked) first, so nothing unusable is stored.
 */
@Injectable()
export class SaveSamlConnection {
  constructor(
    private readonly transactions: Transactions,
    private readonly connections: SamlConnectionStore,
    private readonly admins: AdminLookup,
    private readonly reader: SamlIdpSettingsReader,
    private readonly getConnection: GetSamlConnection,
  ) {}

  async execute(command: SaveSamlConnectionCommand): Promise<SamlConnection> {
    const stored = await this.connections.find(command.organizationId);
    const settings = await this.reader.read(command.idp, stored?.certificates);
    const saved = await this.transactions.run(async (tx) => {
      const existing = await this.connections.find(command.organizationId, tx);
      const admin = await this.admins.find(command.adminId, tx);
      if (!admin) throw new Error(`Admin ${command.adminId} does not exist.`);
      const now = new Date();
      const metadataUrl =
        command.idp.kind === 'metadata_url' ? command.idp.metadataUrl.trim() : null;
      const connection: StoredSamlConnection = {
        id: existing?.id ?? randomUUID(),
        organizationId: command.organizationId,
        source: command.idp.kind,
        metadataUrl,
        ...settings,
        allowSha1: command.allowSha1,
        metadataRefreshedAt: metadataUrl ? now : null,
        metadataRefreshError: null,
        updatedByAdminId: admin.id,
        updatedByEmail: admin.email,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      await this.connections.save(tx, connection, {
        updated: existing !== null,
        actor: `admin:${admin.email}`,
      });
      return connection;
    });
    return this.getConnection.view(saved);
  }
}
