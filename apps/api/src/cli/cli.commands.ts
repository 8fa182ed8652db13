import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { backUpSqliteDatabase } from '@rollcall/db';
import {
  CreateOrganization,
  CreateScimToken,
  FindOrganization,
  ListAdmins,
  ListOrganizations,
  ListScimTokens,
  ResetAdminPassword,
  RevokeScimToken,
} from '@rollcall/organizations';
import { ResealSigningKeys } from '@rollcall/scim-oauth';
import { ReleaseEntraTenant, RevokeAllAdminSessions, ResealOidcClientSecrets } from '@rollcall/sso';
import type { AppConfig } from '../config/app-config';

export interface CliOutput {
  json: Record<string, unknown>;
  text: string;
}

export class CliUsageError extends Error {}

export const CLI_USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  org:create "<name>" [--admin-email E] [--admin-password P] [--json]
      Create an organization with provisioning enabled and its first SCIM token.
  org:create "<name>" --admin-email E --invite [--json]
      The same, but no password is made up: the admin gets an owner invitation link
      (PUBLIC_URL/invitations/…, single use, 7 days) to choose their own.
  token:create <orgId> [--label L] [--json]
      Issue a SCIM Secret Token (an organization has at most two live tokens).
  token:revoke <tokenPrefix|tokenId> [--json]
      Revoke a SCIM token; Entra requests with it get 401 at once.
  org:list [--json]
      Every organization: id, slug, name, provisioning on or off.
  org:show <orgId|slug> [--json]
      One organization: its settings, Tenant URL, admins and live SCIM token prefixes.
  admin:list <orgId|slug> [--json]
      The organization's admins and when each last signed in.
  admin:reset-password <email> [--json]
      Set a new random password for an admin, print it once, and end the admin's sessions.
  tenant:release <tenantId> [--json]
      Release a Microsoft Entra tenant from the organization that connected it (whichever it
      is), so the tenant's administrators can connect it to their own.
  db:backup <file> [--json]
      SQLite: a consistent copy of the database while the server runs (PostgreSQL: pg_dump).
  secrets:reseal [--json]
      After a new ENCRYPTION_KEY (old one in ENCRYPTION_KEY_PREVIOUS): seal every stored
      secret with the new key, so the old one can be dropped.
`;

interface ParsedCommand {
  command: string;
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
}

function requirePositional(parsed: ParsedCommand, name: string): string {
  const value = parsed.positionals[0];
  if (!value) throw new CliUsageError(`${parsed.command} needs ${name}.\n\n${CLI_USAGE}`);
  return value;
}

function stringOption(parsed: ParsedCommand, name: string): string | undefined {
  const value = parsed.options[name];
  return typeof value === 'string' ? value : undefined;
}

async function createInvitedOrganization(
  app: INestApplicationContext,
  config: AppConfig,
  parsed: ParsedCommand,
): Promise<CliOutput> {
  const adminEmail = stringOption(parsed, 'admin-email');
  if (!adminEmail || parsed.options['admin-password'] !== undefined) {
    throw new CliUsageError(`org:create --invite needs --admin-email and no --admin-password.`);
  }
  const created = await app.get(CreateOrganization).executeWithInvitation({
    name: requirePositional(parsed, 'an organization name'),
    adminEmail,
    publicUrl: config.publicUrl,
  });
  const scimBaseUrl = `${config.publicUrl}/scim/v2`;
  const json = {
    orgId: created.organization.id,
    scimBaseUrl,
    scimToken: created.scimToken.token,
    adminEmail: created.adminEmail,
    invitationLink: created.invitationLink,
  };
  return {
    json,
    text: [
      `Created organization "${created.organization.name}" (${json.orgId}).`,
      `  Owner invitation ${json.invitationLink}`,
      `    (for ${json.adminEmail}; single use, valid for 7 days)`,
      `  SCIM Tenant URL  ${scimBaseUrl}`,
      `  Secret Token     ${json.scimToken}`,
    ].join('\n'),
  };
}

export async function runCliCommand(
  app: INestApplicationContext,
  config: AppConfig,
  parsed: ParsedCommand,
): Promise<CliOutput> {
  const scimBaseUrl = `${config.publicUrl}/scim/v2`;
  switch (parsed.command) {
    case 'org:create': {
      if (parsed.options['invite'] === true) return createInvitedOrganization(app, config, parsed);
      const created = await app.get(CreateOrganization).execute({
        name: requirePositional(parsed, 'an organization name'),
        adminEmail: stringOption(parsed, 'admin-email'),
        adminPassword: stringOption(parsed, 'admin-password'),
        enableScim: true,
      });
      const json = {
        orgId: created.organization.id,
        scimBaseUrl,
        scimToken: created.scimToken?.token ?? null,
        adminEmail: created.adminEmail,
        adminPassword: created.adminPassword,
      };
      return {
        json,
        text: [
          `Created organization "${created.organization.name}" (${json.orgId}).`,
          `  Admin e-mail     ${json.adminEmail}`,
          `  Admin password   ${json.adminPassword}`,
          `  SCIM Tenant URL  ${scimBaseUrl}`,
          `  Secret Token     ${json.scimToken}`,
        ].join('\n'),
      };
    }
    case 'token:create': {
      const issued = await app
        .get(CreateScimToken)
        .execute(
          requirePositional(parsed, 'an organization id'),
          'cli',
          stringOption(parsed, 'label'),
        );
      const json = {
        orgId: issued.organizationId,
        tokenId: issued.id,
        tokenPrefix: issued.prefix,
        scimBaseUrl,
        scimToken: issued.token,
      };
      return { json, text: `Secret Token ${issued.token}\n(id ${issued.id}; shown only once)` };
    }
    case 'token:revoke': {
      const revoked = await app
        .get(RevokeScimToken)
        .execute({ token: requirePositional(parsed, 'a token prefix or id'), actor: 'cli' });
      const json = {
        orgId: revoked.organizationId,
        tokenId: revoked.id,
        tokenPrefix: revoked.prefix,
        revoked: true,
      };
      return { json, text: `Revoked SCIM token ${revoked.prefix}… (${revoked.id}).` };
    }
    case 'org:list': {
      const organizations = await app.get(ListOrganizations).execute();
      return {
        json: { organizations },
        text: organizations.length
          ? organizations
              .map(
                (o) =>
                  `${o.id}  ${o.slug}  ${o.name}${o.scimEnabled ? '' : '  (provisioning off)'}`,
              )
              .join('\n')
          : 'No organizations.',
      };
    }
    case 'org:show': {
      const organization = await app
        .get(FindOrganization)
        .execute(requirePositional(parsed, 'an organization id or slug'));
      const admins = await app.get(ListAdmins).execute(organization.id);
      const tokens = (await app.get(ListScimTokens).execute(organization.id)).filter(
        (token) => token.revokedAt === null,
      );
      const json = {
        orgId: organization.id,
        name: organization.name,
        slug: organization.slug,
        scimEnabled: organization.scimEnabled,
        scimBaseUrl,
        deletedTeamRetentionDays: organization.deletedTeamRetentionDays,
        defaultRole: organization.defaultRole,
        createdAt: organization.createdAt,
        admins: admins.map(({ email, lastLoginAt }) => ({ email, lastLoginAt })),
        scimTokens: tokens.map(({ prefix, createdAt, lastUsedAt }) => ({
          prefix,
          createdAt,
          lastUsedAt,
        })),
      };
      return {
        json,
        text: [
          `${organization.name} (${organization.slug}, ${organization.id})`,
          `  Provisioning     ${organization.scimEnabled ? 'on' : 'off'}`,
          `  SCIM Tenant URL  ${scimBaseUrl}`,
          `  Admins           ${admins.map((a) => a.email).join(', ')}`,
          `  SCIM tokens      ${tokens.map((t) => `${t.prefix}…`).join(', ') || 'none'}`,
        ].join('\n'),
      };
    }
    case 'admin:list': {
      const organization = await app
        .get(FindOrganization)
        .execute(requirePositional(parsed, 'an organization id or slug'));
      const admins = await app.get(ListAdmins).execute(organization.id);
      return {
        json: { orgId: organization.id, admins },
        text: admins
          .map((a) => `${a.email}  last sign-in ${a.lastLoginAt?.toISOString() ?? 'never'}`)
          .join('\n'),
      };
    }
    case 'admin:reset-password': {
      const reset = await app
        .get(ResetAdminPassword)
        .execute({ email: requirePositional(parsed, "an admin's e-mail") });
      // Whoever held the old password (or a session opened with it) is out from now on.
      const endedSessions = await app.get(RevokeAllAdminSessions).execute(reset.adminId, 'cli');
      return {
        json: { email: reset.email, password: reset.password },
        text: [
          `New password for ${reset.email}: ${reset.password}`,
          `(shown only once; ${endedSessions} session(s) ended)`,
        ].join('\n'),
      };
    }
    case 'db:backup': {
      const file = resolve(requirePositional(parsed, 'a file to write the backup to'));
      if (config.database.dialect !== 'sqlite') {
        throw new CliUsageError(
          'db:backup copies the embedded SQLite database; use pg_dump for PostgreSQL.',
        );
      }
      if (existsSync(file)) throw new CliUsageError(`${file} exists; name a new file.`);
      const { totalPages } = await backUpSqliteDatabase(app.get(DataSource), file);
      return {
        json: { file, pages: totalPages },
        text: `Backed up to ${file} (${totalPages} pages).`,
      };
    }
    case 'secrets:reseal': {
      const oidcClientSecrets = await app.get(ResealOidcClientSecrets).execute();
      const signingKeys = await app.get(ResealSigningKeys).execute();
      return {
        json: { resealed: { oidcClientSecrets, signingKeys } },
        text: `Resealed ${oidcClientSecrets} OIDC client secret(s) and ${signingKeys} signing key(s) with the current ENCRYPTION_KEY.`,
      };
    }
    case 'tenant:release': {
      const released = await app
        .get(ReleaseEntraTenant)
        .execute(requirePositional(parsed, 'a Microsoft Entra tenant id'));
      return {
        json: { tenantId: released.tenantId, orgId: released.organizationId },
        text: `Released Microsoft Entra tenant ${released.tenantId} from organization ${released.organizationId}.`,
      };
    }
    default:
      throw new CliUsageError(`Unknown command "${parsed.command}".\n\n${CLI_USAGE}`);
  }
}
