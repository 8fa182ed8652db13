import { Injectable } from '@nestjs/common';
import type { Tx } from '@rollcall/db';
import type { OrganizationProfile } from '../domain/organization-profile';

/** Settings written in a transaction: the organization as it was read and as it is now. */
export interface OrganizationSettingsUpdate {
  organizationId: string;
  before: OrganizationProfile;
  after: OrganizationProfile;
  actor: string;
}

export type OrganizationSettingsHook = (
  tx: Tx,
  update: OrganizationSettingsUpdate,
) => Promise<void>;

/**
 * Features downhill of organizations (teams) hear of a settings change inside the transaction
 * that writes it, after its `organization.updated`, so what follows from it — the effective
 * role of every user who had the default one — is told in the same commit, or not at all.
 * Organizations does not know who listens: a listener registers itself at start.
 */
@Injectable()
export class OrganizationSettingsHooks {
  private readonly hooks: OrganizationSettingsHook[] = [];

  register(hook: OrganizationSettingsHook): void {
    this.hooks.push(hook);
  }

  async run(tx: Tx, update: OrganizationSettingsUpdate): Promise<void> {
    for (const hook of this.hooks) await hook(tx, update);
  }
}
