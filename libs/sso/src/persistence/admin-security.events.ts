import { appendEvents, type Tx } from '@rollcall/db';

/** An admin's own security changes that Activity shows (the password's is organizations'). */
export type AdminSecurityEventType =
  | 'admin.signed_out_everywhere'
  | 'admin.two_factor_enabled'
  | 'admin.two_factor_disabled'
  | 'admin.recovery_codes_regenerated';

export interface AdminSecurityEventSubject {
  id: string;
  organizationId: string;
  email: string;
}

/**
 * Records one of an admin's security changes in the transaction that makes it. The data is
 * the admin alone: never a secret, a code or a session.
 */
export function appendAdminSecurityEvent(
  tx: Tx,
  type: AdminSecurityEventType,
  admin: AdminSecurityEventSubject,
  actor: string,
): void {
  appendEvents(tx, [
    {
      organizationId: admin.organizationId,
      type,
      actor,
      subject: { type: 'admin', id: admin.id },
      data: { admin: { id: admin.id, email: admin.email } },
    },
  ]);
}
