import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { normalizeJitDomains } from '../domain/jit-domains';
import { SsoError } from '../domain/sso.error';
import { SsoPolicyStore } from '../persistence/sso-policy.store';
import { GetSsoPolicy, type SsoPolicy } from './get-sso-policy.use-case';

export interface SsoPolicyChange {
  requireSso?: boolean;
  jitProvisioning?: boolean | null;
  jitDomains?: string[];
  externalIdIsObjectId?: boolean;
  requireTwoFactor?: boolean;
}

/** Changes what was sent of the org's sign-in rules. */
@Injectable()
export class UpdateSsoPolicy {
  constructor(
    private readonly transactions: Transactions,
    private readonly policies: SsoPolicyStore,
    private readonly getPolicy: GetSsoPolicy,
  ) {}

  async execute(
    organizationId: string,
    change: SsoPolicyChange,
    actor: string,
  ): Promise<SsoPolicy> {
    // Checked before the transaction: a bad list changes nothing.
    const jitDomains = change.jitDomains && normalizeJitDomains(change.jitDomains);
    await this.transactions.run(async (tx) => {
      const current = await this.policies.read(organizationId, tx);
      const next = {
        requireSso: change.requireSso ?? current.requireSso,
        jitProvisioning:
          change.jitProvisioning === undefined ? current.jitProvisioning : change.jitProvisioning,
        jitDomains: jitDomains ?? current.jitDomains,
        externalIdIsObjectId: change.externalIdIsObjectId ?? current.externalIdIsObjectId,
        requireTwoFactor: change.requireTwoFactor ?? current.requireTwoFactor,
      };
      // Without a provider, Require SSO would leave everyone but the break-glass admin out.
      if (next.requireSso && !(await this.policies.hasProvider(organizationId, tx))) {
        throw new SsoError(
          'SSO_PROVIDER_REQUIRED',
          'Connect Microsoft Entra or a custom OIDC provider before requiring single sign-on.',
        );
      }
      await this.policies.write(tx, organizationId, next, actor);
    });
    return this.getPolicy.execute(organizationId);
  }
}
