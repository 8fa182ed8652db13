import { Injectable } from '@nestjs/common';
import { CacheInvalidation } from '@rollcall/db';
import { OrganizationLookup, SCIM_CREDENTIALS_TOPIC } from '@rollcall/organizations';

/** As long as a credential's state (CREDENTIAL_STATUS_TTL_MS): a safety net only. */
const PROVISIONING_STATUS_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  enabled: Promise<boolean>;
  checkedAt: number;
}

/**
 * Whether organizations have provisioning on, for the token endpoint and the credential
 * status cache. Read through OrganizationLookup and kept like the credential states:
 * turning provisioning on or off is announced on the `scim-credentials` topic in its
 * transaction, every process forgets all answers before its next request, and a process that
 * cannot be sure it heard every announcement reads each time. So a grant, or a credential
 * state read, costs no statement more than its own table for an organization already seen.
 */
@Injectable()
export class ProvisioningStatusCache {
  private readonly entries = new Map<string, Entry>();
  private subscribed = false;

  constructor(
    private readonly organizations: OrganizationLookup,
    private readonly invalidation: CacheInvalidation,
  ) {}

  async isEnabled(organizationId: string): Promise<boolean> {
    return (await this.enabledAmong([organizationId])).has(organizationId);
  }

  /** The organizations among `ids` with provisioning on: one read for all the unknown ones. */
  async enabledAmong(ids: readonly string[]): Promise<Set<string>> {
    if (!this.subscribed) {
      this.invalidation.subscribe(SCIM_CREDENTIALS_TOPIC, () => this.entries.clear());
      this.subscribed = true;
    }
    this.invalidation.sync();
    const coherent = this.invalidation.coherent;
    const now = Date.now();
    const answers = new Map<string, Promise<boolean>>();
    const unknown: string[] = [];
    for (const id of new Set(ids)) {
      const cached = coherent ? this.entries.get(id) : undefined;
      if (cached && now - cached.checkedAt < PROVISIONING_STATUS_TTL_MS) {
        answers.set(id, cached.enabled);
      } else {
        unknown.push(id);
      }
    }
    if (unknown.length > 0) {
      const read = this.organizations.findMany(unknown);
      if (this.entries.size + unknown.length > MAX_ENTRIES) this.entries.clear();
      for (const id of unknown) {
        // An organization that is gone has nothing on.
        const enabled = read.then((found) => found.get(id)?.scimEnabled === true);
        answers.set(id, enabled);
        if (coherent) this.remember(id, { enabled, checkedAt: now });
      }
    }
    const settled = await Promise.all(
      [...answers].map(async ([id, enabled]) => ({ id, enabled: await enabled })),
    );
    return new Set(settled.filter((answer) => answer.enabled).map((answer) => answer.id));
  }

  private remember(id: string, entry: Entry): void {
    this.entries.set(id, entry);
    // A failed read is not an answer: the next request asks again.
    entry.enabled.catch(() => {
      if (this.entries.get(id) === entry) this.entries.delete(id);
    });
  }
}
