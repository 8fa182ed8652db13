// Request shapes Microsoft Entra ID sends, for the Swagger documentation.

export const SCIM_USER_EXAMPLE = {
  schemas: [
    'urn:ietf:params:scim:schemas:core:2.0:User',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    'urn:ietf:params:scim:schemas:extension:rollcall:2.0:User',
  ],
  externalId: 'ada',
  userName: 'ada@contoso.example',
  active: true,
  displayName: 'Ada Lovelace',
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  emails: [{ primary: true, type: 'work', value: 'ada@contoso.example' }],
  phoneNumbers: [{ type: 'mobile', value: '+1 555 0100' }],
  timezone: 'Europe/London',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Engineering' },
  'urn:ietf:params:scim:schemas:extension:rollcall:2.0:User': { roleName: 'responder' },
};

export const SCIM_USER_PATCH_EXAMPLE = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: [
    { op: 'Replace', path: 'emails[type eq "work"].value', value: 'ada.l@contoso.example' },
    { op: 'Replace', path: 'active', value: 'False' },
  ],
};

/** A SearchRequest body (RFC 7644 §3.4.3), the POST form of Entra's matching query. */
export const SCIM_USER_SEARCH_EXAMPLE = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
  filter: 'userName eq "ada@contoso.example"',
  startIndex: 1,
  count: 100,
};
