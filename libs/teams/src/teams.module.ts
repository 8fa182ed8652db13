import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Transactions } from '@rollcall/db';
import { DirectoryModule } from '@rollcall/directory';
import { OrganizationsModule } from '@rollcall/organizations';
import { GroupRoleMappingEntity } from './persistence/group-role-mapping.entity';
import { GroupRoleMappingStore } from './persistence/group-role-mapping.store';
import { TeamMemberEntity } from './persistence/team-member.entity';
import { TeamListStore } from './persistence/team-list.store';
import { TeamMemberStore } from './persistence/team-member.store';
import { TeamResourceEntity } from './persistence/team-resource.entity';
import { TeamResourceStore } from './persistence/team-resource.store';
import { TeamEntity } from './persistence/team.entity';
import { TypeOrmTeamStore } from './persistence/typeorm-team.store';
import { CreateTeamResource } from './use-cases/create-team-resource.use-case';
import { CreateTeam } from './use-cases/create-team.use-case';
import { DeleteTeamResource } from './use-cases/delete-team-resource.use-case';
import { DeleteTeam } from './use-cases/delete-team.use-case';
import { GetTeam } from './use-cases/get-team.use-case';
import { ListDeletedTeams } from './use-cases/list-deleted-teams.use-case';
import { ListGroupRoleMappings } from './use-cases/list-group-role-mappings.use-case';
import { ListOrganizationTeams } from './use-cases/list-organization-teams.use-case';
import { ListTeamResources } from './use-cases/list-team-resources.use-case';
import { ListTeamsOfUsers } from './use-cases/list-teams-of-users.use-case';
import { ListTeams } from './use-cases/list-teams.use-case';
import { PatchGroup } from './use-cases/patch-group.use-case';
import { PreviewTeamDeletion } from './use-cases/preview-team-deletion.use-case';
import { ProvisionGroup } from './use-cases/provision-group.use-case';
import { PurgeDeletedTeams } from './use-cases/purge-deleted-teams.use-case';
import { PurgeTeam } from './use-cases/purge-team.use-case';
import { ReadTeamMembers } from './use-cases/read-team-members.use-case';
import { RemoveGroupRoleMapping } from './use-cases/remove-group-role-mapping.use-case';
import { ReplaceGroup } from './use-cases/replace-group.use-case';
import { ResolveEffectiveRoles } from './use-cases/resolve-effective-roles.use-case';
import { RestoreTeam } from './use-cases/restore-team.use-case';
import { SetGroupRoleMapping } from './use-cases/set-group-role-mapping.use-case';
import { DirectoryChangesListener } from './use-cases/directory-changes.listener';
import { EffectiveRoleChanges } from './use-cases/effective-role.changes';
import { MappedGroupMembers } from './use-cases/mapped-group.members';
import { OrganizationSettingsListener } from './use-cases/organization-settings.listener';
import { TeamMembership } from './use-cases/team-membership';
import { TeamRename } from './use-cases/team-rename';

const useCases = [
  CreateTeam,
  ProvisionGroup,
  GetTeam,
  ListTeams,
  ListOrganizationTeams,
  ReadTeamMembers,
  PatchGroup,
  ReplaceGroup,
  DeleteTeam,
  PreviewTeamDeletion,
  ListDeletedTeams,
  RestoreTeam,
  PurgeDeletedTeams,
  PurgeTeam,
  CreateTeamResource,
  ListTeamResources,
  DeleteTeamResource,
  SetGroupRoleMapping,
  ListGroupRoleMappings,
  RemoveGroupRoleMapping,
  ResolveEffectiveRoles,
  ListTeamsOfUsers,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([
      TeamEntity,
      TeamMemberEntity,
      TeamResourceEntity,
      GroupRoleMappingEntity,
    ]),
    DirectoryModule,
    OrganizationsModule,
  ],
  providers: [
    Transactions,
    TypeOrmTeamStore,
    TeamListStore,
    TeamMemberStore,
    TeamResourceStore,
    GroupRoleMappingStore,
    TeamMembership,
    TeamRename,
    EffectiveRoleChanges,
    MappedGroupMembers,
    DirectoryChangesListener,
    OrganizationSettingsListener,
    ...useCases,
  ],
  exports: useCases,
})
export class TeamsModule {}
