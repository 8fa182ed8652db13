import { Injectable } from '@nestjs/common';
import { RecordProvisioningRequest } from '@rollcall/audit';
import { SsoIdentityConflict } from '@rollcall/sso';

/**
 * Puts a refused takeover attempt (an account claiming the address of someone linked to
 * another account) in the org's provisioning log, where an admin already looks when sign-in
 * or provisioning goes wrong. The SSO feature cannot depend on audit, so the edge records it.
 */
@Injectable()
export class RefusedSignInRecorder {
  constructor(private readonly record: RecordProvisioningRequest) {}

  recordIfRefused(error: unknown, callbackPath: string, requestId: string | null): void {
    if (!(error instanceof SsoIdentityConflict)) return;
    const { refused } = error;
    const provider = refused.provider === 'microsoft' ? 'Microsoft' : 'the OIDC provider';
    this.record.execute({
      organizationId: refused.organizationId,
      tokenPrefix: null,
      requestId,
      method: 'GET',
      path: callbackPath,
      filter: null,
      status: 403,
      scimType: null,
      detail: `Single sign-on refused: an account of ${provider} (subject ${refused.subject}) claimed ${refused.claimed}, which is linked to a different account.`,
      resourceType: refused.userId ? 'User' : null,
      resourceId: refused.userId,
      durationMs: 0,
      requestBody: {
        provider: refused.provider,
        issuer: refused.issuer,
        subject: refused.subject,
        claimed: refused.claimed,
      },
      at: new Date(),
    });
  }
}
