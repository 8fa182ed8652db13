import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import { slugify } from '@rollcall/organizations';
import { groupFields } from '../domain/group-document';
import type { Team } from '../domain/team';
import { teamEvent } from '../domain/team-events';
import { TeamEntity } from '../persistence/team.entity';
import { toTeam } from '../persistence/team.mapper';
import { TypeOrmTeamStore, teamNameTaken } from '../persistence/typeorm-team.store';
import { TeamMembership } from './team-membership';

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
    private readonly membership: TeamMembership,
  ) {}

  execute(organizationId: string, command: CreateTeamCommand, actor: string): Promise<Team> {
    const { name } = groupFields({ displayName: command.name });
    return inTransaction(this.dataSource, async (manager) => {
      const nameNormalized = name.toLowerCase();
      if (await this.teams.nameTaken(manager, organizationId, nameNormalized)) {
        throw teamNameTaken(name);
      }
      const now = new Date();
      const entity = Object.assign(new TeamEntity(), {
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
      await this.teams.save(manager, entity, true);
      const team = toTeam(entity);
      appendEvents(manager, [teamEvent('team.created', team, actor)]);
      await this.membership.add(manager, team, command.memberIds ?? [], now, actor);
      return team;
    });
  }
}
