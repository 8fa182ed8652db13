import { Injectable } from '@nestjs/common';
import { OrganizationLookup } from '@rollcall/organizations';
import { effectiveJitProvisioning } from '../domain/sso-policy.rules';
import { SsoPolicyStore } from '../persistence/sso-policy.store';

export interface SsoPolicy {
  requireSso: boolean;
  jitProvisioning: boolean | null;
  /** Just-in-time creation as it applies now: the default resolved, and some domain listed. */
  jitEffective: boolean;
  /** The org's own e-mail domains; just-in-time creation only for verified addresses there. */
  jitDomains: string[];
  /** Entra provisioning maps objectId to `externalId`, so `oid` may match it. */
  externalIdIsObjectId: boolean;
  /** Password sign-ins need TOTP; an admin without it enrols before the session opens. */
  requireTwoFactor: boolean;
}

/** The org's sign-in rules: Require SSO, just-in-time creation, how Entra users match. */
@Injectable()
export class GetSsoPolicy {
  constructor(
    private readonly policies: SsoPolicyStore,
    private readonly organizations: OrganizationLookup,
  ) {}

  async execute(organizationId: string): Promise<SsoPolicy> {
    const [policy, organization] = await Promise.all([
      this.policies.read(organizationId),
      this.organizations.find(organizationId),
    ]);
    if (!organization) throw new Error(`Organization ${organizationId} does not exist.`);
    return {
      ...policy,
      jitEffective:
        policy.jitDomains.length > 0 &&
        effectiveJitProvisioning(policy.jitProvisioning, organization.scimEnabled),
    };
  }
}
