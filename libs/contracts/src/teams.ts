/** What a team can own; all of it goes when the team is purged. */
export const TEAM_RESOURCE_KIND_NAMES = [
  'monitor',
  'heartbeat',
  'status_page',
  'on_call_calendar',
] as const;

export type TeamResourceKindName = (typeof TEAM_RESOURCE_KIND_NAMES)[number];

/** `scim`: provisioned from an Entra group (managed by Entra); `manual`: made in the dashboard. */
export type TeamSource = 'scim' | 'manual';

/** Counts by kind, e.g. `{ monitor: 3, status_page: 1 }`; kinds with none are left out. */
export type ResourceCounts = Partial<Record<TeamResourceKindName, number>>;

/** `GET /api/teams` */
export interface TeamSummaryView {
  id: string;
  name: string;
  source: TeamSource;
  externalId: string | null;
  members: number;
  resources: ResourceCounts;
  createdAt: string;
  updatedAt: string;
}

export interface TeamListView {
  teams: TeamSummaryView[];
}

/** `POST /api/teams` */
export interface CreateTeamRequest {
  name: string;
}

export interface TeamMemberView {
  id: string;
  userName: string;
  displayName: string | null;
  active: boolean;
}

export interface TeamResourceView {
  id: string;
  teamId: string;
  kind: TeamResourceKindName;
  name: string;
  createdAt: string;
}

/** `POST /api/teams/:id/resources` */
export interface CreateTeamResourceRequest {
  kind: TeamResourceKindName;
  name: string;
}

export interface TeamResourceListView {
  resources: TeamResourceView[];
}

/** `GET /api/teams/:id` */
export interface TeamDetailView {
  /** `team.members` is the full member count. */
  team: TeamSummaryView;
  /** The first MAX_TEAM_DETAIL_MEMBERS members, by user id. */
  members: TeamMemberView[];
  resources: TeamResourceView[];
}

export const MAX_TEAM_DETAIL_MEMBERS = 200;

/** `GET /api/teams/:id/deletion-preview`: what the Delete team dialog warns about. */
export interface TeamDeletionPreviewView {
  team: TeamSummaryView;
  members: number;
  resources: ResourceCounts;
  /** 0: the delete is immediate and permanent. */
  retentionDays: number;
}

/** `DELETE /api/teams/:id` */
export interface TeamDeletionView {
  /** When the team is purged for good; null when it is gone already (retention 0). */
  purgeAfter: string | null;
}

/** `GET /api/teams/deleted`: a team pending deletion and what it still holds. */
export interface PendingTeamDeletionView {
  team: TeamSummaryView;
  members: number;
  resources: ResourceCounts;
  /** `admin:<e-mail>`, `api_key:<name>` or `scim:<token prefix>` (a group deleted by Entra). */
  deletedBy: string | null;
  deletedAt: string;
  purgeAfter: string | null;
}

export interface PendingTeamDeletionListView {
  teams: PendingTeamDeletionView[];
}
