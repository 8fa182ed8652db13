/** A team of an organization; a SCIM group is a team with source `scim`. */
export interface Team {
  id: string;
  organizationId: string;
  name: string;
  slug: string;
  externalId: string | null;
  source: 'scim' | 'manual';
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  deletedBy: string | null;
  purgeAfter: Date | null;
}

/** The key a team's name is unique on among live teams, and role mappings match it on. */
export function normalizedTeamName(name: string): string {
  return name.toLowerCase();
}

export interface TeamMember {
  userId: string;
  userName: string;
  displayName: string | null;
  /** Deactivated members keep their membership (reactivation restores it). */
  active: boolean;
}

/** What deleting a team destroys: the dashboard's warning and the pending-deletion list. */
export interface TeamContents {
  members: number;
  resources: Record<string, number>;
}

/** A live team a user is in: the read-only SCIM User `groups` attribute. */
export interface UserTeam {
  id: string;
  name: string;
}
