import { Injectable } from '@nestjs/common';
import { CacheInvalidation } from '@rollcall/db';
import { SCIM_CREDENTIALS_TOPIC } from '@rollcall/organizations';
import type { CredentialType } from '../domain/access-token.claims';
import { FederatedCredentialStore } from '../persistence/federated-credential.store';
import { OAuthClientStore } from '../persistence/oauth-client.store';
import { ProvisioningStatusCache } from './provisioning-status.cache';

/**
 * How long a credential's state is trusted in memory: a safety net only. A revocation, or
 * provisioning turned off, is announced on the `scim-credentials` topic in its transaction,
 * and every process (workers, replicas) forgets all states before its next request; a
 * process that cannot be sure it heard every announcement reads the database each time.
 */
export const CREDENTIAL_STATUS_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

export interface CredentialRef {
  organizationId: string;
  credentialType: CredentialType;
  credentialId: string;
  secretId?: string;
}

interface Status {
  live: boolean;
  /** A client secret expires on its own, announced by nobody: not live from then on. */
  expiresAt?: number;
}

interface Entry {
  status: Promise<Status>;
  checkedAt: number;
}

/**
 * Whether the credential behind an access token is still live: not revoked, its org has
 * provisioning on, and (for client tokens) the secret presented is not revoked or expired.
 * At most one read of its table per credential every 30 s, whatever the request rate, and
 * one of its organization's provisioning switch shared by all the organization's credentials.
 */
@Injectable()
export class CredentialStatusCache {
  private readonly entries = new Map<string, Entry>();
  private subscribed = false;

  constructor(
    private readonly clients: OAuthClientStore,
    private readonly federatedCredentials: FederatedCredentialStore,
    private readonly provisioning: ProvisioningStatusCache,
    private readonly invalidation: CacheInvalidation,
  ) {}

  async isLive(ref: CredentialRef): Promise<boolean> {
    const status = await this.status(ref);
    return status.live && (status.expiresAt === undefined || Date.now() < status.expiresAt);
  }

  /** Forgets every state, so this process reads the database on the next request. */
  invalidate(): void {
    this.entries.clear();
  }

  private status(ref: CredentialRef): Promise<Status> {
    if (!this.subscribed) {
      this.invalidation.subscribe(SCIM_CREDENTIALS_TOPIC, () => this.invalidate());
      this.subscribed = true;
    }
    this.invalidation.sync();
    if (!this.invalidation.coherent) return this.read(ref);
    const key = [ref.credentialType, ref.organizationId, ref.credentialId, ref.secretId ?? ''].join(
      ':',
    );
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && now - cached.checkedAt < CREDENTIAL_STATUS_TTL_MS) return cached.status;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const entry: Entry = { status: this.read(ref), checkedAt: now };
    entry.status.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    this.entries.set(key, entry);
    return entry.status;
  }

  private async read(ref: CredentialRef): Promise<Status> {
    const status = await this.credentialStatus(ref);
    // The organization is asked only about a credential that is live itself.
    if (!status.live || !(await this.provisioning.isEnabled(ref.organizationId))) {
      return { live: false };
    }
    return status;
  }

  private async credentialStatus(ref: CredentialRef): Promise<Status> {
    const { organizationId, credentialId, secretId } = ref;
    if (ref.credentialType === 'federated') {
      return { live: await this.federatedCredentials.isLive(organizationId, credentialId) };
    }
    if (!secretId) return { live: await this.clients.isLive(organizationId, credentialId) };
    // A revoked secret ends the tokens issued with it; an expired one too.
    const expiresAt = await this.clients.liveSecretExpiry(
      organizationId,
      credentialId,
      secretId,
      new Date(),
    );
    return expiresAt ? { live: true, expiresAt: expiresAt.getTime() } : { live: false };
  }
}
