export type TeamsErrorCode =
  | 'TEAM_NOT_FOUND'
  | 'TEAM_NAME_REQUIRED'
  | 'TEAM_NAME_TAKEN'
  | 'TEAM_ID_IMMUTABLE'
  | 'TEAM_MANAGED_BY_SCIM'
  | 'TEAM_NOT_PENDING_DELETION'
  | 'MEMBER_NOT_IN_ORGANIZATION'
  | 'RESOURCE_KIND_INVALID'
  | 'RESOURCE_NAME_REQUIRED'
  | 'RESOURCE_NOT_FOUND'
  | 'ROLE_MAPPING_INVALID'
  | 'TEAM_VERSION_MISMATCH';

/** A rule of teams was broken; each API edge maps the code to its own answer. */
export class TeamsError extends Error {
  constructor(
    readonly code: TeamsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TeamsError';
  }
}

export function teamNameTaken(name: string): TeamsError {
  return new TeamsError('TEAM_NAME_TAKEN', `A team named "${name}" already exists.`);
}

export function teamNotFound(id: string): TeamsError {
  return new TeamsError('TEAM_NOT_FOUND', `Group ${id} not found.`);
}

/** The group changed since the version the client's condition names (SCIM If-Match). */
export function teamVersionMismatch(id: string): TeamsError {
  return new TeamsError(
    'TEAM_VERSION_MISMATCH',
    `Group ${id} has changed since the version in If-Match.`,
  );
}
