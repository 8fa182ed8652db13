import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationEntity } from '@rollcall/organizations';
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
}

/** The org's sign-in rules: Require SSO, just-in-time creation, how Entra users match. */
@Injectable()
export class GetSsoPolicy {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: SsoPolicyStore,
  ) {}

  async execute(organizationId: string): Promise<SsoPolicy> {
    const manager = this.dataSource.manager;
    const [policy, organization] = await Promise.all([
      this.policies.read(manager, organizationId),
      manager.findOneByOrFail(OrganizationEntity, { id: organizationId }),
    ]);
    return {
      ...policy,
      jitEffective:
        policy.jitDomains.length > 0 &&
        effectiveJitProvisioning(policy.jitProvisioning, toBoolean(organization.scimEnabled)),
    };
  }
}

function toBoolean(value: boolean | number): boolean {
  return value === true || value === 1;
}
