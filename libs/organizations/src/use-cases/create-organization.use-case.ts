import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { Transactions, type Tx } from '@rollcall/db';
import { chosenOrRandomAdminPassword } from '../domain/admin-password';
import type { OrganizationProfile } from '../domain/organization-profile';
import { validOrganizationName } from '../domain/organization-name';
import { OrganizationError } from '../domain/organization.error';
import { slugify } from '../domain/organization-slug';
import { hashPassword } from '../domain/password.hasher';
import { AdminLookup } from '../persistence/admin.lookup';
import { OrganizationAdminStore } from '../persistence/organization-admin.store';
import { OrganizationLookup } from '../persistence/organization.lookup';
import { OrganizationStore } from '../persistence/organization.store';
import { CreateScimToken, type IssuedScimToken } from './create-scim-token.use-case';

export { MIN_ADMIN_PASSWORD_LENGTH } from '../domain/admin-password';
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface CreateOrganizationCommand {
  name: string;
  /** Defaults to `admin@<slug>.rollcall.local`. */
  adminEmail?: string;
  /** Defaults to a random 20-character password, returned once. */
  adminPassword?: string;
  /** Turn provisioning on and issue the first SCIM token. */
  enableScim: boolean;
}

export interface CreatedOrganization {
  organization: OrganizationProfile;
  adminEmail: string;
  adminPassword: string;
  scimToken: IssuedScimToken | null;
}

@Injectable()
export class CreateOrganization {
  constructor(
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationLookup,
    private readonly organizationStore: OrganizationStore,
    private readonly admins: AdminLookup,
    private readonly adminStore: OrganizationAdminStore,
    private readonly createScimToken: CreateScimToken,
  ) {}

  async execute(command: CreateOrganizationCommand): Promise<CreatedOrganization> {
    const name = validOrganizationName(command.name);
    const adminPassword = chosenOrRandomAdminPassword(command.adminPassword);
    // Hash outside the transaction: scrypt is deliberately slow and must not hold a lock.
    const passwordHash = await hashPassword(adminPassword);

    return this.transactions.run(async (tx) => {
      const slug = await this.freeSlug(tx, slugify(name));
      const adminEmail = (command.adminEmail ?? `admin@${slug}.rollcall.local`).trim();
      if (!EMAIL_PATTERN.test(adminEmail) || adminEmail.length > 320) {
        throw new OrganizationError('ADMIN_EMAIL_INVALID', 'The admin e-mail is not valid.');
      }
      if (await this.admins.findByEmail(adminEmail, tx)) {
        throw new OrganizationError(
          'ADMIN_EMAIL_TAKEN',
          'This e-mail already administers an organization.',
        );
      }
      const now = new Date();
      const organization: OrganizationProfile = {
        id: randomUUID(),
        name,
        slug,
        scimEnabled: command.enableScim,
        deletedTeamRetentionDays: 30,
        defaultRole: 'member',
        createdAt: now,
        updatedAt: now,
      };
      await this.organizationStore.insert(tx, organization);
      await this.adminStore.insert(tx, {
        id: randomUUID(),
        organizationId: organization.id,
        email: adminEmail,
        passwordHash,
        createdAt: now,
      });
      const scimToken = command.enableScim
        ? await this.createScimToken.issueWithin(
            tx,
            organization.id,
            'system:organization-setup',
            'Initial token',
          )
        : null;
      return { organization, adminEmail, adminPassword, scimToken };
    });
  }

  private async freeSlug(tx: Tx, base: string): Promise<string> {
    if (!(await this.organizations.findBySlug(base, tx))) return base;
    for (let n = 2; n < 100; n += 1) {
      const candidate = `${base}-${n}`;
      if (!(await this.organizations.findBySlug(candidate, tx))) return candidate;
    }
    return `${base}-${randomBytes(4).toString('hex')}`;
  }
}
