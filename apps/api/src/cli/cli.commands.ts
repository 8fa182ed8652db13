import type { INestApplicationContext } from '@nestjs/common';
import { CreateOrganization, CreateScimToken, RevokeScimToken } from '@rollcall/organizations';
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
  token:create <orgId> [--label L] [--json]
      Issue a SCIM Secret Token (an organization has at most two live tokens).
  token:revoke <tokenPrefix|tokenId> [--json]
      Revoke a SCIM token; Entra requests with it get 401 at once.
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

export async function runCliCommand(
  app: INestApplicationContext,
  config: AppConfig,
  parsed: ParsedCommand,
): Promise<CliOutput> {
  const scimBaseUrl = `${config.publicUrl}/scim/v2`;
  switch (parsed.command) {
    case 'org:create': {
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
        .execute(requirePositional(parsed, 'an organization id'), stringOption(parsed, 'label'));
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
        .execute({ token: requirePositional(parsed, 'a token prefix or id') });
      const json = {
        orgId: revoked.organizationId,
        tokenId: revoked.id,
        tokenPrefix: revoked.prefix,
        revoked: true,
      };
      return { json, text: `Revoked SCIM token ${revoked.prefix}… (${revoked.id}).` };
    }
    default:
      throw new CliUsageError(`Unknown command "${parsed.command}".\n\n${CLI_USAGE}`);
  }
}
