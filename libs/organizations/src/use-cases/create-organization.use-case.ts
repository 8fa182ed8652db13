import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { chosenOrRandomAdminPassword } from '../domain/admin-password';
import { validOrganizationName } from '../domain/organization-name';
import { OrganizationError } from '../domain/organization.error';
import { slugify } from '../domain/organization-slug';
import { hashPassword } from '../domain/password.hasher';
import { OrganizationAdminEntity } from '../persistence/organization-admin.entity';
import { OrganizationEntity } from '../persistence/organization.entity';
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
  organization: OrganizationEntity;
  adminEmail: string;
  adminPassword: string;
  scimToken: IssuedScimToken | null;
}

@Injectable()
export class CreateOrganization {
  constructor(
    private readonly dataSource: DataSource,
    private readonly createScimToken: CreateScimToken,
  ) {}

  async execute(command: CreateOrganizationCommand): Promise<CreatedOrganization> {
    const name = validOrganizationName(command.name);
    const adminPassword = chosenOrRandomAdminPassword(command.adminPassword);
    // Hash outside the transaction: scrypt is deliberately slow and must not hold a lock.
    const passwordHash = await hashPassword(adminPassword);

    return inTransaction(this.dataSource, async (manager) => {
      const slug = await this.freeSlug(manager, slugify(name));
      const adminEmail = (command.adminEmail ?? `admin@${slug}.rollcall.local`).trim();
      if (!EMAIL_PATTERN.test(adminEmail) || adminEmail.length > 320) {
        throw new OrganizationError('ADMIN_EMAIL_INVALID', 'The admin e-mail is not valid.');
      }
      const emailNormalized = adminEmail.toLowerCase();
      if (await manager.exists(OrganizationAdminEntity, { where: { emailNormalized } })) {
        throw new OrganizationError(
          'ADMIN_EMAIL_TAKEN',
          'This e-mail already administers an organization.',
        );
      }
      const now = new Date();
      const organization = manager.create(OrganizationEntity, {
        id: randomUUID(),
        name,
        slug,
        scimEnabled: command.enableScim,
        deletedTeamRetentionDays: 30,
        defaultRole: 'member',
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(OrganizationEntity, organization);
      await manager.insert(OrganizationAdminEntity, {
        id: randomUUID(),
        organizationId: organization.id,
        email: adminEmail,
        emailNormalized,
        passwordHash,
        createdAt: now,
        lastLoginAt: null,
      });
      const scimToken = command.enableScim
        ? await this.createScimToken.issueWithin(
            manager,
            organization.id,
            'system:organization-setup',
            'Initial token',
          )
        : null;
      return { organization, adminEmail, adminPassword, scimToken };
    });
  }

  private async freeSlug(manager: EntityManager, base: string): Promise<string> {
    if (!(await manager.exists(OrganizationEntity, { where: { slug: base } }))) return base;
    for (let n = 2; n < 100; n += 1) {
      const candidate = `${base}-${n}`;
      if (!(await manager.exists(OrganizationEntity, { where: { slug: candidate } }))) {
        return candidate;
      }
    }
    return `${base}-${randomBytes(4).toString('hex')}`;
  }
}
