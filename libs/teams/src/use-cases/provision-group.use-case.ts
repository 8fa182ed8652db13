import { Injectable } from '@nestjs/common';
import type { Team } from '../domain/team';
import { normalizeGroupInput } from '../domain/group-document';
import { CreateTeam } from './create-team.use-case';

/** SCIM POST /Groups: the group becomes a team managed by Entra. */
@Injectable()
export class ProvisionGroup {
  constructor(private readonly createTeam: CreateTeam) {}

  execute(organizationId: string, body: unknown, actor: string): Promise<Team> {
    const input = normalizeGroupInput(body);
    return this.createTeam.execute(organizationId, { ...input, source: 'scim' }, actor);
  }
}
