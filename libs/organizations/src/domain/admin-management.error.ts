export type AdminManagementErrorCode =
  'LAST_OWNER' | 'ALREADY_ADMIN' | 'INVITATION_NOT_FOUND' | 'TRANSFER_TO_SELF';

/** A rule of managing an organization's admins was broken; the admin API maps the code. */
export class AdminManagementError extends Error {
  constructor(
    readonly code: AdminManagementErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AdminManagementError';
  }
}
