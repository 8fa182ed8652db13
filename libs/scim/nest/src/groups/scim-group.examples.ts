// Request shapes Microsoft Entra ID sends, for the Swagger documentation.

export const SCIM_GROUP_EXAMPLE = {
  schemas: [
    'urn:ietf:params:scim:schemas:core:2.0:Group',
    'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group',
  ],
  externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
  displayName: 'On-call Engineers',
  members: [],
};

export const SCIM_GROUP_PATCH_EXAMPLE = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: [
    {
      op: 'Add',
      path: 'members',
      value: [{ value: '<user id>' }, { value: '<another user id>' }],
    },
  ],
};

/** Entra's removal of one member: a value filter in the path, no value. */
export const SCIM_GROUP_REMOVE_MEMBER_EXAMPLE = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: [{ op: 'Remove', path: 'members[value eq "<user id>"]' }],
};

/** A SearchRequest body (RFC 7644 §3.4.3), the POST form of Entra's matching query. */
export const SCIM_GROUP_SEARCH_EXAMPLE = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
  filter: 'displayName eq "On-call Engineers"',
  excludedAttributes: ['members'],
};
