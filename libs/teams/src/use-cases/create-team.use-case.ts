import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { Transactions } from '@rollcall/db';
import { slugify } from '@rollcall/organizations';
import { groupFields } from '../domain/group-document';
import { normalizedTeamName, type Team } from '../domain/team';
import { teamNameTaken } from '../domain/teams.error';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';
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
    private readonly transactions: Transactions,
    private readonly teams: TypeOrmTeamStore,
    private readonly membership: TeamMembership,
  ) {}

  execute(organizationId: string, command: CreateTeamCommand, actor: string): Promise<Team> {
    const { name } = groupFields({ displayName: command.name });
    return this.transactions.run(async (tx) => {
      if (await this.teams.nameTaken(tx, organizationId, normalizedTeamName(name))) {
        throw teamNameTaken(name);
      }
      const now = new Date();
      const team: Team = {
        id: randomUUID(),
        organizationId,
        name,
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
      };
      await this.teams.create(tx, team, actor);
      await this.membership.add(tx, team, command.memberIds ?? [], now, actor);
      return team;
    });
  }
}
