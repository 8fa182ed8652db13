import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CacheInvalidation,
  SqlRunner,
  SqlStatement,
  appendEvents,
  managerOf,
  type NewEvent,
  type Tx,
} from '@rollcall/db';
import type { OrganizationProfile } from '../domain/organization-profile';
import {
  changedSettings,
  withSettings,
  type OrganizationSettingsChange,
} from '../domain/organization-settings';
import { SCIM_CREDENTIALS_TOPIC } from '../domain/scim-credentials.topic';
import {
  ORGANIZATION_COLUMNS,
  organizationProfileOf,
  type OrganizationRow,
} from './organization.row';

const COUNT = new SqlStatement('SELECT COUNT(*) AS total FROM organizations');
const LIST = new SqlStatement(
  `SELECT ${ORGANIZATION_COLUMNS} FROM organizations ORDER BY created_at, id`,
);
const INSERT = new SqlStatement(
  `INSERT INTO organizations (${ORGANIZATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
);
const RENAME = new SqlStatement('UPDATE organizations SET name = ?, updated_at = ? WHERE id = ?');
// A setting not given (NULL) keeps its value, so a change never writes over another one
// made since it was read.
const UPDATE_SETTINGS = new SqlStatement(
  `UPDATE organizations SET scim_enabled = COALESCE(?, scim_enabled),
     deleted_team_retention_days = COALESCE(?, deleted_team_retention_days),
     default_role = COALESCE(?, default_role), updated_at = ?
   WHERE id = ?`,
);
const EXISTS = new SqlStatement('SELECT id FROM organizations WHERE id = ?');

/** All writes on `organizations` and their events; reads are OrganizationLookup's. */
@Injectable()
export class OrganizationStore {
  private readonly sql: SqlRunner;
  private readonly lockRow: SqlStatement;

  constructor(
    dataSource: DataSource,
    private readonly invalidation: CacheInvalidation,
  ) {
    this.sql = new SqlRunner(dataSource);
    // PostgreSQL holds the row until the transaction ends; SQLite writers already take turns
    // (see inTransaction).
    this.lockRow = this.sql.dialect === 'postgres' ? EXISTS.append('FOR UPDATE') : EXISTS;
  }

  async count(): Promise<number> {
    const rows = await this.sql.run<{ total: unknown }>(undefined, COUNT, []);
    return this.sql.values.readCount(rows[0]?.total ?? 0);
  }

  /** Every organization, oldest first. */
  async list(): Promise<OrganizationProfile[]> {
    const rows = await this.sql.run<OrganizationRow>(undefined, LIST, []);
    return rows.map((row) => organizationProfileOf(row, this.sql.values));
  }

  /**
   * Locks the organization's row for the rest of `tx`, so that writers of what it limits
   * (its live SCIM tokens) take turns. False when there is no such organization.
   */
  async lock(tx: Tx, id: string): Promise<boolean> {
    const rows = await this.sql.run(tx, this.lockRow, [id]);
    return rows.length > 0;
  }

  /** A new organization; creating one appends no event (nobody subscribes before it exists). */
  async insert(tx: Tx, organization: OrganizationProfile): Promise<void> {
    const v = this.sql.values;
    await this.sql.run(tx, INSERT, [
      organization.id,
      organization.name,
      organization.slug,
      v.bool(organization.scimEnabled),
      organization.deletedTeamRetentionDays,
      organization.defaultRole,
      v.timestamp(organization.createdAt),
      v.timestamp(organization.updatedAt),
    ]);
  }

  /** Renames `organization` (as read in `tx`), with its organization.updated event. */
  async rename(
    tx: Tx,
    organization: OrganizationProfile,
    name: string,
    actor: string,
    at: Date,
  ): Promise<OrganizationProfile> {
    await this.sql.run(tx, RENAME, [name, this.sql.values.timestamp(at), organization.id]);
    appendEvents(tx, [
      organizationEvent(organization.id, actor, 'organization.updated', {
        changed: ['name'],
        name,
        previousName: organization.name,
      }),
    ]);
    return { ...organization, name, updatedAt: at };
  }

  /**
   * Writes the settings `change` gives to `organization` (as read in `tx`), with an
   * organization.updated event, and provisioning.enabled or .disabled when that flipped.
   * A change that gives `scimEnabled` tells every process's credential caches, both ways:
   * they may hold "refused" as well as "live".
   */
  async updateSettings(
    tx: Tx,
    organization: OrganizationProfile,
    change: OrganizationSettingsChange,
    actor: string,
    at: Date,
  ): Promise<OrganizationProfile> {
    const v = this.sql.values;
    const changed = changedSettings(organization, change);
    const updated = withSettings(organization, change, at);
    await this.sql.run(tx, UPDATE_SETTINGS, [
      change.scimEnabled === undefined ? null : v.bool(change.scimEnabled),
      change.deletedTeamRetentionDays ?? null,
      change.defaultRole ?? null,
      v.timestamp(at),
      organization.id,
    ]);
    if (change.scimEnabled !== undefined) {
      await this.invalidation.announce(managerOf(tx), SCIM_CREDENTIALS_TOPIC);
    }
    const events = [
      organizationEvent(organization.id, actor, 'organization.updated', {
        changed,
        settings: {
          scimEnabled: updated.scimEnabled,
          deletedTeamRetentionDays: updated.deletedTeamRetentionDays,
          defaultRole: updated.defaultRole,
        },
      }),
    ];
    if (organization.scimEnabled !== updated.scimEnabled) {
      events.push(
        organizationEvent(
          organization.id,
          actor,
          updated.scimEnabled ? 'provisioning.enabled' : 'provisioning.disabled',
          {},
        ),
      );
    }
    appendEvents(tx, events);
    return updated;
  }
}

function organizationEvent(
  organizationId: string,
  actor: string,
  type: NewEvent['type'],
  data: Record<string, unknown>,
): NewEvent {
  return {
    organizationId,
    type,
    actor,
    subject: { type: 'organization', id: organizationId },
    data,
  };
}
