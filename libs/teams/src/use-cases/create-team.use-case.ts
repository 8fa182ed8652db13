import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { slugify } from '@rollcall/organizations';
import { groupFields } from '../domain/group-document';
import type { Team } from '../domain/team';
import { TeamEntity } from '../persistence/team.entity';
import { toTeam } from '../persistence/team.mapper';
import { TypeOrmTeamStore, teamNameTaken } from '../persistence/typeorm-team.store';

export interface CreateTeamCommand {
  name: string;
  externalId?: string | null;
  memberIds?: string[];
  source: 'scim' | 'manual';
}

/** A new team, with its first members, in one transaction: all of it or none. */
@Injectable()
export class CreateTeam {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TypeOrmTeamStore,
  ) {}

  execute(organizationId: string, command: CreateTeamCommand): Promise<Team> {
    const { name } = groupFields({ displayName: command.name });
    return inTransaction(this.dataSource, async (manager) => {
      const nameNormalized = name.toLowerCase();
      if (await this.teams.nameTaken(manager, organizationId, nameNormalized)) {
        throw teamNameTaken(name);
      }
      const memberIds = command.memberIds ?? [];
      await this.teams.assertUsersInOrganization(manager, organizationId, memberIds);
      const now = new Date();
      const team = Object.assign(new TeamEntity(), {
        id: randomUUID(),
        organizationId,
        name,
        nameNormalized,
        // Unique enough for URLs; the id stays the identity.
        slug: `${slugify(name).slice(0, 100)}-${randomBytes(3).toString('hex')}`,
        externalId: command.externalId ?? null,
        source: command.source,
        version: 1,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        deletedBy: null,
        purgeAfter: null,
      });
      await this.teams.save(manager, team, true);
      await this.teams.addMembers(manager, team.id, memberIds, now);
      return toTeam(team);
    });
  }
}
