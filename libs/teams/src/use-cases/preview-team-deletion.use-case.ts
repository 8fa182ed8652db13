import { Injectable } from '@nestjs/common';
import { OrganizationLookup } from '@rollcall/organizations';
import type { Team, TeamContents } from '../domain/team';
import { teamNotFound } from '../domain/teams.error';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';

export interface TeamDeletionPreview extends TeamContents {
  team: Team;
  /** 0: the delete is immediate and permanent. */
  retentionDays: number;
}

/** What a delete would destroy, for the dashboard's warning before anyone confirms it. */
@Injectable()
export class PreviewTeamDeletion {
  constructor(
    private readonly teams: TypeOrmTeamStore,
    private readonly organizations: OrganizationLookup,
  ) {}

  async execute(organizationId: string, id: string): Promise<TeamDeletionPreview> {
    const team = await this.teams.findLive(organizationId, id);
    if (!team) throw teamNotFound(id);
    const organization = await this.organizations.find(organizationId);
    if (!organization) throw new Error(`Organization ${organizationId} not found.`);
    return {
      team,
      ...(await this.teams.contents(id)),
      retentionDays: organization.deletedTeamRetentionDays,
    };
  }
}
