export type ScimBody = Record<string, unknown>;
export interface ScimResponse {
  status: number;
  body: ScimBody | null;
}

/** Plays Microsoft Entra: SCIM requests with a Secret Token, shaped as Entra sends them. */
export class ScimClient {
  constructor(
    private readonly scimBaseUrl: string,
    private readonly token: string,
  ) {}

  async request(method: string, path: string, body?: unknown): Promise<ScimResponse> {
    const response = await fetch(`${this.scimBaseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        Accept: 'application/scim+json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/scim+json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as ScimBody) : null };
  }

  /** Entra's Test Connection: a filter on a userName that does not exist. */
  testConnection() {
    return this.request(
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "entra-test-connection@rollcall.invalid"')}`,
    );
  }

  async createUser(
    userName: string,
    givenName: string,
    familyName: string,
    extra: Record<string, unknown> = {},
  ) {
    const response = await this.request('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName,
      active: true,
      displayName: `${givenName} ${familyName}`,
      name: { givenName, familyName },
      emails: [{ type: 'work', primary: true, value: userName }],
      externalId: userName.split('@')[0],
      ...extra,
    });
    if (response.status !== 201)
      throw new Error(
        `create user ${userName}: ${response.status} ${JSON.stringify(response.body)}`,
      );
    return { id: String(response.body?.['id']) };
  }

  async deactivateUser(id: string) {
    const response = await this.request('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    if (response.status !== 200) throw new Error(`deactivate ${id}: ${response.status}`);
  }

  async createGroup(displayName: string, memberIds: string[]) {
    const response = await this.request('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName,
      externalId: displayName.toLowerCase(),
      members: memberIds.map((value) => ({ value })),
    });
    if (response.status !== 201)
      throw new Error(
        `create group ${displayName}: ${response.status} ${JSON.stringify(response.body)}`,
      );
    return { id: String(response.body?.['id']) };
  }

  async deleteGroup(id: string) {
    const response = await this.request('DELETE', `/Groups/${id}`);
    if (response.status !== 204) throw new Error(`delete group ${id}: ${response.status}`);
  }
}
