import { SqlStatement, type SqlValues } from '@rollcall/db';
import { normalizedTeamName, type Team } from '../domain/team';

/** Every column of `teams`, in the order `teamColumnValues` binds them. */
export const TEAM_COLUMNS = [
  'id',
  'organization_id',
  'name',
  'name_normalized',
  'slug',
  'external_id',
  'source',
  'version',
  'created_at',
  'updated_at',
  'deleted_at',
  'deleted_by',
  'purge_after',
] as const;

export type TeamRow = Record<(typeof TEAM_COLUMNS)[number], unknown>;

export const SELECT_TEAMS = `SELECT ${TEAM_COLUMNS.map((column) => `t.${column}`).join(', ')} FROM teams t`;

export const INSERT_TEAM = new SqlStatement(
  `INSERT INTO teams (${TEAM_COLUMNS.join(', ')}) VALUES (${TEAM_COLUMNS.map(() => '?').join(', ')})`,
);

/** Every column but the id and the organization, then those two (the WHERE). */
export const UPDATE_TEAM = new SqlStatement(
  `UPDATE teams SET ${TEAM_COLUMNS.slice(2)
    .map((column) => `${column} = ?`)
    .join(', ')} WHERE id = ? AND organization_id = ?`,
);

export function teamOf(row: TeamRow, v: SqlValues): Team {
  return {
    id: row.id as string,
    organizationId: row.organization_id as string,
    name: row.name as string,
    slug: row.slug as string,
    externalId: row.external_id as string | null,
    source: row.source as Team['source'],
    version: Number(row.version),
    createdAt: v.readDate(row.created_at),
    updatedAt: v.readDate(row.updated_at),
    deletedAt: v.readDateOrNull(row.deleted_at),
    deletedBy: row.deleted_by as string | null,
    purgeAfter: v.readDateOrNull(row.purge_after),
  };
}

export function teamColumnValues(team: Team, v: SqlValues): unknown[] {
  return [
    team.id,
    team.organizationId,
    team.name,
    normalizedTeamName(team.name),
    team.slug,
    team.externalId,
    team.source,
    team.version,
    v.timestamp(team.createdAt),
    v.timestamp(team.updatedAt),
    v.timestampOrNull(team.deletedAt),
    team.deletedBy,
    v.timestampOrNull(team.purgeAfter),
  ];
}
