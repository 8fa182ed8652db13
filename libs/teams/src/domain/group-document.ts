import {
  GROUP_RESOURCE_SCHEMAS,
  ScimError,
  applyPatch,
  type ScimJsonObject,
} from '@rollcall/scim-core';
import { TeamsError } from './teams.error';

/** Attributes the server owns or that are handled apart from the document. */
const NOT_IN_DOCUMENT = new Set(['schemas', 'id', 'meta', 'members']);
export const MAX_TEAM_NAME_LENGTH = 256;

export interface GroupInput {
  name: string;
  externalId: string | null;
  /** Undefined when the request did not mention members. */
  memberIds: string[] | undefined;
}

function memberIdsOf(value: unknown): string[] {
  if (value === null) return [];
  if (!Array.isArray(value)) throw ScimError.invalidValue('members must be an array.');
  return value.map((member, index) => {
    const id = (member as { value?: unknown } | null)?.value;
    if (typeof id !== 'string' || !id) {
      throw ScimError.invalidValue(`members[${index}].value must be a user id.`);
    }
    return id;
  });
}

/** The group document a team is made from: only what the Group schema defines. */
export function groupFields(document: ScimJsonObject): { name: string; externalId: string | null } {
  const name = document['displayName'];
  if (typeof name !== 'string' || !name.trim()) {
    throw new TeamsError(
      'TEAM_NAME_REQUIRED',
      'displayName is required and must be a non-empty string.',
    );
  }
  if (name.length > MAX_TEAM_NAME_LENGTH) {
    throw ScimError.invalidValue(`displayName is longer than ${MAX_TEAM_NAME_LENGTH} characters.`);
  }
  const externalId = document['externalId'];
  return { name, externalId: typeof externalId === 'string' && externalId ? externalId : null };
}

/**
 * A SCIM Group body (POST/PUT) as a team: names in any case, unknown attributes and extra
 * schema URNs (Entra adds Microsoft's ADSCIM Group URN) ignored.
 */
export function normalizeGroupInput(body: unknown): GroupInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw ScimError.invalidSyntax('The request body must be a JSON object.');
  }
  const entries = Object.entries(body as ScimJsonObject);
  const rest = Object.fromEntries(
    entries.filter(([key]) => !NOT_IN_DOCUMENT.has(key.toLowerCase())),
  );
  const members = entries.find(([key]) => key.toLowerCase() === 'members');
  const document = applyPatch({}, [{ op: 'add', value: rest }], GROUP_RESOURCE_SCHEMAS);
  return {
    ...groupFields(document),
    memberIds: members === undefined ? undefined : memberIdsOf(members[1]),
  };
}
