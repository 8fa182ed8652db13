export type OrganizationErrorCode =
  | 'ORGANIZATION_NOT_FOUND'
  | 'ORGANIZATION_NAME_INVALID'
  | 'ORGANIZATION_SLUG_TAKEN'
  | 'ADMIN_EMAIL_INVALID'
  | 'ADMIN_EMAIL_TAKEN'
  | 'ADMIN_PASSWORD_TOO_SHORT'
  | 'ADMIN_NOT_FOUND'
  | 'SCIM_TOKEN_LIMIT_REACHED'
  | 'SCIM_TOKEN_NOT_FOUND'
  | 'SCIM_TOKEN_AMBIGUOUS';

/** A rule of organizations was broken; each API edge maps the code to its own status. */
export class OrganizationError extends Error {
  constructor(
    readonly code: OrganizationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OrganizationError';
  }
}
