import type { TeamResourceKind } from './team-resource-kind';

/** A monitor, heartbeat, status page or on-call calendar a team owns. */
export interface TeamResource {
  id: string;
  teamId: string;
  organizationId: string;
  kind: TeamResourceKind;
  name: string;
  createdAt: Date;
}
