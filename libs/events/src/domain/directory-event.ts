import type { EventTypeName } from '@rollcall/contracts';

/** One recorded event, as the outbox stored it. */
export interface DirectoryEvent {
  organizationId: string;
  sequence: number;
  id: string;
  type: EventTypeName;
  actor: string;
  subjectType: string;
  subjectId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  /**
   * The address of the HTTP request that made the change; null for jobs, the CLI and events
   * recorded before it was kept. Shown to admins on the Activity page only: it is not part of
   * the Events API or of webhook bodies.
   */
  clientIp: string | null;
}

/** Who an actor string names: `admin`, `api_key`, `scim`, `scim_oauth`, `sso`, `system`, `cli`. */
export function actorKind(actor: string): string {
  const colon = actor.indexOf(':');
  return colon === -1 ? actor : actor.slice(0, colon);
}
