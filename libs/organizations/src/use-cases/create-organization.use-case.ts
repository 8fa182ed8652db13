import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { Transactions, type Tx } from '@rollcall/db';
import { chosenOrRandomAdminPassword } from '../domain/admin-password';
import type { OrganizationProfile } from '../domain/organization-profile';
import { validOrganizationName } from '../domain/organization-name';
import { OrganizationError } from '../domain/organization.error';
import { slugify } from '../domain/organization-slug';
import { hashPassword } from '../domain/password.hasher';
import { validAdminEmail } from '../domain/admin-profile';
import { AdminLookup } from '../persistence/admin.lookup';
import { OrganizationAdminStore } from '../persistence/organization-admin.store';
import { OrganizationLookup } from '../persistence/organization.lookup';
import { OrganizationStore } from '../persistence/organization.store';
import { CreateScimToken, type IssuedScimToken } from './create-scim-token.use-case';
import { InviteAdmin } from './invite-admin.use-case';

export { MIN_ADMIN_PASSWORD_LENGTH } from '../domain/admin-password';

export interface CreateOrganizationCommand {
  name: string;
  /** Defaults to `admin@<slug>.rollcall.local`. */
  adminEmail?: string;
  /** Defaults to a random 20-character password, returned once. */
  adminPassword?: string;
  /** Turn provisioning on and issue the first SCIM token. */
  enableScim: boolean;
}

export interface InviteFirstOwnerCommand {
  name: string;
  adminEmail: string;
  /** Where the dashboard is served; the invitation link points there. */
  publicUrl: string;
}

/** An organization whose first owner sets their own password through an invitation link. */
export interface InvitedOrganization {
  organization: OrganizationProfile;
  adminEmail: string;
  invitationLink: string;
  scimToken: IssuedScimToken;
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
    private readonly inviteAdmin: InviteAdmin,
  ) {}

  async execute(command: CreateOrganizationCommand): Promise<CreatedOrganization> {
    const name = validOrganizationName(command.name);
    const adminPassword = chosenOrRandomAdminPassword(command.adminPassword);
    // Hash outside the transaction: scrypt is deliberately slow and must not hold a lock.
    const passwordHash = await hashPassword(adminPassword);

    return this.transactions.run(async (tx) => {
      const slug = await this.freeSlug(tx, slugify(name));
      const adminEmail = validAdminEmail(command.adminEmail ?? `admin@${slug}.rollcall.local`);
      await this.refuseTakenEmail(tx, adminEmail);
      const organization = await this.insertOrganization(tx, name, slug, command.enableScim);
      await this.adminStore.insert(tx, {
        id: randomUUID(),
        organizationId: organization.id,
        email: adminEmail,
        passwordHash,
        role: 'owner',
        createdAt: organization.createdAt,
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

  /**
   * The operator's `org:create --invite`: provisioning on, no admin yet and no password ever
   * made up; the first owner accepts the invitation and chooses one.
   */
  async executeWithInvitation(command: InviteFirstOwnerCommand): Promise<InvitedOrganization> {
    const name = validOrganizationName(command.name);
    const adminEmail = validAdminEmail(command.adminEmail);
    return this.transactions.run(async (tx) => {
      await this.refuseTakenEmail(tx, adminEmail);
      const slug = await this.freeSlug(tx, slugify(name));
      const organization = await this.insertOrganization(tx, name, slug, true);
      const invited = await this.inviteAdmin.issueWithin(tx, {
        organizationId: organization.id,
        email: adminEmail,
        role: 'owner',
        invitedBy: 'system:organization-setup',
        publicUrl: command.publicUrl,
      });
      const scimToken = await this.createScimToken.issueWithin(
        tx,
        organization.id,
        'system:organization-setup',
        'Initial token',
      );
      return { organization, adminEmail, invitationLink: invited.link, scimToken };
    });
  }

  private async refuseTakenEmail(tx: Tx, adminEmail: string): Promise<void> {
    if (await this.admins.findByEmail(adminEmail, tx)) {
      throw new OrganizationError(
        'ADMIN_EMAIL_TAKEN',
        'This e-mail already administers an organization.',
      );
    }
  }

  private async insertOrganization(
    tx: Tx,
    name: string,
    slug: string,
    scimEnabled: boolean,
  ): Promise<OrganizationProfile> {
    const now = new Date();
    const organization: OrganizationProfile = {
      id: randomUUID(),
      name,
      slug,
      scimEnabled,
      deletedTeamRetentionDays: 30,
      defaultRole: 'member',
      createdAt: now,
      updatedAt: now,
    };
    await this.organizationStore.insert(tx, organization);
    return organization;
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
