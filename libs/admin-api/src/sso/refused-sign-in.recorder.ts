import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { RecordProvisioningRequest } from '@rollcall/audit';
import { SSO_PROVIDER_NAMES } from '@rollcall/contracts';
import { SamlSignInRefused, SsoIdentityConflict } from '@rollcall/sso';

/**
 * Puts a refused takeover attempt (an account claiming the address of someone linked to
 * another account) in the org's provisioning log, where an admin already looks when sign-in
 * or provisioning goes wrong. The SSO feature cannot depend on audit, so the edge records it.
 */
@Injectable()
export class RefusedSignInRecorder {
  constructor(private readonly record: RecordProvisioningRequest) {}

  recordIfRefused(
    error: unknown,
    callbackPath: string,
    requestId: string | null,
    method: 'GET' | 'POST' = 'GET',
  ): void {
    if (error instanceof SamlSignInRefused) {
      this.recordSamlRejection(error, callbackPath, requestId);
      return;
    }
    if (!(error instanceof SsoIdentityConflict)) return;
    const { refused } = error;
    const provider = SSO_PROVIDER_NAMES[refused.provider];
    this.record.execute({
      organizationId: refused.organizationId,
      tokenPrefix: null,
      requestId,
      method,
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

  /**
   * A SAML response the ACS refused: the rule it broke is what an admin setting up the IdP
   * needs (a wrong Identifier or Reply URL, an old certificate), so it goes in the log too.
   */
  private recordSamlRejection(
    error: SamlSignInRefused,
    acsPath: string,
    requestId: string | null,
  ): void {
    this.record.execute({
      organizationId: error.organizationId,
      tokenPrefix: null,
      requestId,
      method: 'POST',
      path: acsPath,
      filter: null,
      status: 401,
      scimType: null,
      detail: `SAML sign-in refused (${error.reason}): ${error.message}`,
      resourceType: null,
      resourceId: null,
      durationMs: 0,
      requestBody: { provider: 'saml', reason: error.reason },
      at: new Date(),
    });
  }
}

/** The id the HTTP log gave the request, so the log entry and the access log line match. */
export function requestIdOf(request: Request): string | null {
  const id = (request as Request & { id?: unknown }).id;
  return id === undefined || id === null ? null : String(id);
}
