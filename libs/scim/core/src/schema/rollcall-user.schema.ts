import { attribute } from './attribute.factory';
import type { ScimSchemaDefinition } from './schema.types';
import { ROLLCALL_USER_SCHEMA_URN } from './scim-urns';

// Entra admins add `roleName` in the schema editor with "Exact case" ticked; we still compare
// case-insensitively so a hand-typed "Admin" in an attribute mapping expression maps too.
export const ROLLCALL_USER_SCHEMA: ScimSchemaDefinition = {
  id: ROLLCALL_USER_SCHEMA_URN,
  name: 'RollcallUser',
  description: 'Rollcall extension for User: product-specific attributes.',
  attributes: [
    attribute({
      name: 'roleName',
      description:
        "Sets the member's role in the Rollcall organization: one of 'admin', 'billing_admin', 'team_lead', 'responder' or 'member'.",
      canonicalValues: ['admin', 'billing_admin', 'team_lead', 'responder', 'member'],
    }),
  ],
};
