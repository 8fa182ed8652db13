import type { Team } from '../domain/team';
import type { TeamEntity } from './team.entity';

export function toTeam(row: TeamEntity): Team {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    slug: row.slug,
    externalId: row.externalId,
    source: row.source,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
    deletedBy: row.deletedBy,
    purgeAfter: row.purgeAfter,
  };
}
