export type DirectoryErrorCode =
  | 'USER_NOT_FOUND'
  | 'USER_NAME_REQUIRED'
  | 'USER_NAME_TAKEN'
  | 'USER_ID_IMMUTABLE'
  | 'ROLE_UNKNOWN'
  | 'USER_VERSION_MISMATCH';

/** A rule of the directory was broken; each API edge maps the code to its own answer. */
export class DirectoryError extends Error {
  constructor(
    readonly code: DirectoryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DirectoryError';
  }
}

export function userNameTaken(userName: string): DirectoryError {
  return new DirectoryError(
    'USER_NAME_TAKEN',
    `A user with userName "${userName}" already exists.`,
  );
}

/** The user changed since the version the client's condition names (SCIM If-Match). */
export function userVersionMismatch(id: string): DirectoryError {
  return new DirectoryError(
    'USER_VERSION_MISMATCH',
    `User ${id} has changed since the version in If-Match.`,
  );
}
