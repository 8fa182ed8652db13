import {
  ENTERPRISE_USER_SCHEMA_URN,
  ROLLCALL_USER_SCHEMA_URN,
  USER_SCHEMA_URN,
  versionTag,
  type ScimJsonObject,
} from '@rollcall/scim-core';
import type { DirectoryUser } from '@rollcall/directory';
import type { UserTeam } from '@rollcall/teams';

const EXTENSIONS = [ENTERPRISE_USER_SCHEMA_URN, ROLLCALL_USER_SCHEMA_URN];

/**
 * A directory user as the SCIM User resource: the stored document with `schemas`, `id` and
 * `meta` added, `active` always present, and `manager` always complex — Entra cannot read a
 * bare string back (RFC 7643 §4.3 defines it as complex with `$ref`).
 */
export function renderScimUser(
  user: DirectoryUser,
  baseUrl: string,
  groups?: readonly UserTeam[],
): ScimJsonObject {
  const { externalId: _externalId, ...document } = user.document;
  const enterprise = document[ENTERPRISE_USER_SCHEMA_URN];
  if (enterprise && typeof enterprise === 'object' && !Array.isArray(enterprise)) {
    const manager = (enterprise as ScimJsonObject)['manager'];
    const value = (manager as ScimJsonObject | undefined)?.['value'];
    if (typeof value === 'string') {
      document[ENTERPRISE_USER_SCHEMA_URN] = {
        ...enterprise,
        manager: { ...(manager as ScimJsonObject), value, $ref: `${baseUrl}/Users/${value}` },
      };
    }
  }
  const location = `${baseUrl}/Users/${user.id}`;
  return {
    schemas: [USER_SCHEMA_URN, ...EXTENSIONS.filter((urn) => urn in document)],
    id: user.id,
    ...(user.externalId !== null ? { externalId: user.externalId } : {}),
    ...document,
    active: user.active,
    // RFC 7643 §4.1.2: read-only, the groups (teams) the user is a direct member of.
    ...(groups
      ? {
          groups: groups.map((team) => ({
            value: team.id,
            $ref: `${baseUrl}/Groups/${team.id}`,
            display: team.name,
            type: 'direct',
          })),
        }
      : {}),
    meta: {
      resourceType: 'User',
      created: user.createdAt.toISOString(),
      lastModified: user.updatedAt.toISOString(),
      location,
      version: versionTag(user.version),
    },
  };
}
