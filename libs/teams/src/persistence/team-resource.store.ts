import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlRunner, SqlStatement, appendEvents, type Tx } from '@rollcall/db';
import type { Team } from '../domain/team';
import { teamEvent } from '../domain/team-events';
import type { TeamResource } from '../domain/team-resource';
import type { TeamResourceKind } from '../domain/team-resource-kind';

interface ResourceRow {
  id: string;
  team_id: string;
  organization_id: string;
  kind: string;
  name: string;
  created_at: unknown;
}

const COLUMNS = 'id, team_id, organization_id, kind, name, created_at';
const LIST = new SqlStatement(
  `SELECT ${COLUMNS} FROM team_resources WHERE organization_id = ? AND team_id = ? ORDER BY kind ASC, name ASC`,
);
const INSERT = new SqlStatement(
  `INSERT INTO team_resources (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`,
);
const DELETE = new SqlStatement(
  `DELETE FROM team_resources WHERE id = ? AND team_id = ? AND organization_id = ? RETURNING ${COLUMNS}`,
);

/**
 * The `team_resources` table: what a team owns. Created and deleted with their events; they
 * go with the team, through its foreign key, when it is purged (`team.purged` counts them).
 */
@Injectable()
export class TeamResourceStore {
  private readonly sql: SqlRunner;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
  }

  /** A team's resources by kind, then name. */
  async list(organizationId: string, teamId: string): Promise<TeamResource[]> {
    const rows = await this.sql.run<ResourceRow>(undefined, LIST, [organizationId, teamId]);
    return rows.map((row) => this.resourceOf(row));
  }

  /** A new resource of `team`, told as `team.resource_created`. */
  async create(tx: Tx, team: Team, resource: TeamResource, actor: string): Promise<void> {
    await this.sql.run(tx, INSERT, [
      resource.id,
      resource.teamId,
      resource.organizationId,
      resource.kind,
      resource.name,
      this.sql.values.timestamp(resource.createdAt),
    ]);
    appendEvents(tx, [
      teamEvent('team.resource_created', team, actor, {
        resource: { id: resource.id, kind: resource.kind, name: resource.name },
      }),
    ]);
  }

  /** A resource of `team` deleted, told as `team.resource_deleted`; null when there is none. */
  async delete(
    tx: Tx,
    team: Team,
    resourceId: string,
    actor: string,
  ): Promise<TeamResource | null> {
    const rows = await this.sql.run<ResourceRow>(tx, DELETE, [
      resourceId,
      team.id,
      team.organizationId,
    ]);
    if (!rows[0]) return null;
    const resource = this.resourceOf(rows[0]);
    appendEvents(tx, [
      teamEvent('team.resource_deleted', team, actor, {
        resource: { id: resource.id, kind: resource.kind, name: resource.name },
      }),
    ]);
    return resource;
  }

  private resourceOf(row: ResourceRow): TeamResource {
    return {
      id: row.id,
      teamId: row.team_id,
      organizationId: row.organization_id,
      kind: row.kind as TeamResourceKind,
      name: row.name,
      createdAt: this.sql.values.readDate(row.created_at),
    };
  }
}
