import { randomUUID } from 'node:crypto';
import { generate } from 'selfsigned';
import type {
  OrganizationSignInView,
  ProvisioningLogPageView,
  SamlConnectionView,
  SsoStatusView,
} from '@rollcall/contracts';
import { RecordProvisioningRequest } from '@rollcall/audit';
import { RefreshSamlMetadata } from '@rollcall/sso';
import { AdminClient, anonymous } from './support/admin-client';
import {
  EMAIL_NAME_ID_FORMAT,
  ENTRA_CLAIMS,
  SamlIdp,
  entraAttributes,
  type SamlResponseOptions,
} from '@rollcall/sso/testing';
import { PATCH_OP_URN, USER_URN, type ScimUserResource } from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';

jest.setTimeout(60_000);

// TestApi's PUBLIC_URL: what the IdP is told, and what every response must name.
const PUBLIC_URL = 'http://localhost:3000';
const DAY_MS = 24 * 60 * 60_000;

interface AcsResult {
  status: number;
  location: string;
  cookies: string[];
}

describe('Sign in with SAML 2.0', () => {
  let idp: SamlIdp;
  let api: TestApi;
  let org: TestOrganization;
  let admin: AdminClient;
  let slug: string;
  let entityId: string;
  let acsUrl: string;

  beforeAll(async () => {
    idp = await SamlIdp.start();
    api = await TestApi.start();
    org = await api.createOrganization('Umbrella');
    admin = await AdminClient.signIn(api, org);
    slug = (
      await admin.json<{ organization: { slug: string } }>(admin.get('/api/auth/session'), 200)
    ).organization.slug;
    entityId = `${PUBLIC_URL}/saml/${slug}`;
    acsUrl = `${entityId}/acs`;
    await admin.json<SamlConnectionView>(
      admin.request('PUT', '/api/sso/saml', { metadataUrl: idp.metadataUrl }),
      200,
    );
  });

  afterAll(async () => {
    await api?.stop();
    await idp?.stop();
  });

  async function provision(userName: string, active = true): Promise<ScimUserResource> {
    const response = await api.scim(org.scimToken, 'POST', '/Users', {
      schemas: [USER_URN],
      userName,
      active,
      externalId: randomUUID(),
      emails: [{ type: 'work', value: userName, primary: true }],
    });
    expect(response.status).toBe(201);
    return (await response.json()) as ScimUserResource;
  }

  /** A response for this org as Entra would send it, with `overrides` for the case at hand. */
  function responseFor(
    nameId: string,
    overrides: Partial<SamlResponseOptions> = {},
  ): Promise<string> {
    return idp.response({
      acsUrl,
      audience: entityId,
      nameId,
      nameIdFormat: EMAIL_NAME_ID_FORMAT,
      attributes: entraAttributes(nameId),
      ...overrides,
    });
  }

  async function postToAcs(
    samlResponse: string,
    path = `/saml/${slug}/acs`,
    cookie?: string,
  ): Promise<AcsResult> {
    const response = await fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: new URLSearchParams({ SAMLResponse: samlResponse, RelayState: '' }).toString(),
    });
    return {
      status: response.status,
      location: response.headers.get('location') ?? '',
      cookies: response.headers.getSetCookie(),
    };
  }

  /** SP-initiated: the redirect to the IdP, and the AuthnRequest it carries. */
  async function startSignIn(): Promise<ReturnType<typeof SamlIdp.parseAuthnRequest>> {
    const response = await fetch(`${api.baseUrl}/api/auth/saml/${slug}`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = response.headers.get('location') ?? '';
    expect(location.startsWith(`${idp.ssoUrl}?`)).toBe(true);
    return SamlIdp.parseAuthnRequest(location);
  }

  function cookieNamed(result: AcsResult, name: string): string {
    const cookie = result.cookies.find(
      (c) => c.startsWith(`${name}=`) && !c.startsWith(`${name}=;`),
    );
    if (!cookie) throw new Error(`no ${name} cookie: ${JSON.stringify(result)}`);
    return cookie.split(';')[0] as string;
  }

  async function memberSession(
    result: AcsResult,
  ): Promise<{ user: { id: string; userName: string } }> {
    expect(result).toMatchObject({ status: 302, location: '/signed-in' });
    const response = await fetch(`${api.baseUrl}/api/auth/member-session`, {
      headers: { Cookie: cookieNamed(result, 'rollcall_member_session') },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { user: { id: string; userName: string } };
  }

  /** Where a refused post sent the browser: the org's own sign-in page, without `&org=`. */
  function refusal(result: AcsResult, organizationSlug = slug): string {
    expect(result.status).toBe(302);
    expect(result.location.endsWith(`&org=${organizationSlug}`)).toBe(true);
    expect(result.cookies.some((c) => /^rollcall_(member_)?session=[^;]/.test(c))).toBe(false);
    return result.location.slice(0, -`&org=${organizationSlug}`.length);
  }

  describe('configuration', () => {
    it('reads the IdP from its metadata URL and shows the service-provider values', async () => {
      const status = await admin.json<SsoStatusView>(admin.get('/api/sso'), 200);
      expect(status.samlServiceProvider).toMatchObject({
        entityId,
        acsUrl,
        signOnUrl: `${PUBLIC_URL}/sign-in?org=${slug}`,
        metadataUrl: `${entityId}/metadata`,
      });
      expect(status.samlServiceProvider.encryptionCertificate).toMatch(
        /^-----BEGIN CERTIFICATE-----/,
      );
      expect(status.saml).toMatchObject({
        source: 'metadata_url',
        metadataUrl: idp.metadataUrl,
        idpEntityId: idp.entityId,
        ssoUrl: idp.ssoUrl,
        allowSha1: false,
        metadataRefreshError: null,
        signInUrl: `${PUBLIC_URL}/api/auth/saml/${slug}`,
        updatedBy: org.adminEmail,
      });
      expect(status.saml?.certificates).toHaveLength(1);
      expect(status.saml?.certificates[0]).toMatchObject({ status: 'valid' });
      expect(status.saml?.certificates[0]?.fingerprintSha256).toMatch(
        /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/,
      );
      expect(JSON.stringify(status)).not.toContain('PRIVATE KEY');

      const page = (await (
        await anonymous(api, 'GET', `/api/auth/providers/${slug}`)
      ).json()) as OrganizationSignInView;
      expect(page.saml).toEqual({ signInUrl: `${PUBLIC_URL}/api/auth/saml/${slug}` });
    });

    it('publishes SP metadata with the entity id, the ACS and the encryption certificate', async () => {
      const response = await fetch(`${api.baseUrl}/saml/${slug}/metadata`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/samlmetadata+xml');
      const xml = await response.text();
      expect(xml).toContain(`entityID="${entityId}"`);
      expect(xml).toContain(`Location="${acsUrl}"`);
      expect(xml).toContain('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST');
      expect(xml).toMatch(/use="encryption"/);
      expect(xml).not.toContain('PRIVATE KEY');
      expect((await fetch(`${api.baseUrl}/saml/no-such-org/metadata`)).status).toBe(404);
    });

    it('accepts uploaded metadata XML and manual values; refuses what it cannot use', async () => {
      const other = await AdminClient.signIn(api, await api.createOrganization('Other SAML'));
      const fromXml = await other.json<SamlConnectionView>(
        other.request('PUT', '/api/sso/saml', { metadataXml: idp.metadataXml() }),
        200,
      );
      expect(fromXml).toMatchObject({
        source: 'metadata_xml',
        metadataUrl: null,
        idpEntityId: idp.entityId,
      });

      const manual = await other.json<SamlConnectionView>(
        other.request('PUT', '/api/sso/saml', {
          idpEntityId: 'https://sts.windows.net/tenant/',
          ssoUrl: 'https://login.example.com/saml2',
          certificates: [idp.certificatePem, idp.certificatePem.replace(/-----[^-]+-----|\s/g, '')],
          allowSha1: true,
        }),
        200,
      );
      // The same certificate as PEM and as bare base64 is one certificate.
      expect(manual).toMatchObject({ source: 'manual', allowSha1: true });
      expect(manual.certificates).toHaveLength(1);
      // Edited by hand without certificates: the stored ones stay.
      const edited = await other.json<SamlConnectionView>(
        other.request('PUT', '/api/sso/saml', {
          idpEntityId: 'https://sts.windows.net/tenant-2/',
          ssoUrl: 'https://login.example.com/saml2',
        }),
        200,
      );
      expect(edited.idpEntityId).toBe('https://sts.windows.net/tenant-2/');
      expect(edited.certificates).toEqual(manual.certificates);

      const invalid = (body: Record<string, unknown>) =>
        other.error(other.request('PUT', '/api/sso/saml', body), 400, 'SAML_METADATA_INVALID');
      expect((await invalid({ metadataXml: '<not-metadata/>' })).message).not.toContain('at ');
      await invalid({
        metadataXml: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
      });
      await invalid({ metadataUrl: 'ftp://idp.example.com/metadata' });
      await invalid({ metadataUrl: 'http://idp.example.com/metadata' });
      await invalid({ metadataUrl: idp.metadataUrl, metadataXml: idp.metadataXml() });
      await invalid({});
      // A first connection by hand needs its certificate.
      const third = await AdminClient.signIn(api, await api.createOrganization('Third SAML'));
      await third.error(
        third.request('PUT', '/api/sso/saml', {
          idpEntityId: 'x',
          ssoUrl: 'https://login.example.com/saml2',
        }),
        400,
        'SAML_METADATA_INVALID',
      );
      await invalid({
        idpEntityId: 'x',
        ssoUrl: 'https://login.example.com',
        certificates: ['nope'],
      });
      await invalid({
        idpEntityId: 'x',
        ssoUrl: 'http://login.example.com',
        certificates: [idp.certificatePem],
      });
      await other.error(
        other.request('PUT', '/api/sso/saml', { metadataUrl: 'http://127.0.0.1:1/metadata' }),
        400,
        'SAML_METADATA_UNREACHABLE',
      );
      // What was saved last is still in place after the refusals.
      const status = await other.json<SsoStatusView>(other.get('/api/sso'), 200);
      expect(status.saml?.source).toBe('manual');

      await other.json(other.request('PATCH', '/api/sso/policy', { requireSso: true }), 200);
      const removed = await other.request('DELETE', '/api/sso/saml');
      expect(removed.status).toBe(204);
      await other.error(other.request('DELETE', '/api/sso/saml'), 404, 'SAML_PROVIDER_NOT_FOUND');
      // The last provider gone, Require SSO is off again so passwords keep working.
      const after = await other.json<SsoStatusView>(other.get('/api/sso'), 200);
      expect(after.saml).toBeNull();
      expect(after.policy.requireSso).toBe(false);
    });

    it('is an admin write: a viewer without the CSRF token or no session cannot change it', async () => {
      const noCsrf = await admin.request(
        'PUT',
        '/api/sso/saml',
        { metadataUrl: idp.metadataUrl },
        { csrf: false },
      );
      expect(noCsrf.status).toBe(403);
      const noSession = await anonymous(api, 'PUT', '/api/sso/saml', {
        metadataUrl: idp.metadataUrl,
      });
      expect(noSession.status).toBe(401);
    });
  });

  describe('sign-in', () => {
    it('SP-initiated: the AuthnRequest names our entity id and ACS, and its answer signs the member in once', async () => {
      const user = await provision(`sp.${randomUUID()}@umbrella.example`);
      const request = await startSignIn();
      expect(request).toMatchObject({ issuer: entityId, acsUrl, destination: idp.ssoUrl });
      expect(request.id).toMatch(/^[_a-zA-Z]/);

      const samlResponse = await responseFor(user.userName, { inResponseTo: request.id });
      const session = await memberSession(await postToAcs(samlResponse));
      expect(session.user).toEqual({ id: user.id, userName: user.userName });

      // The same response again: its request is closed.
      expect(refusal(await postToAcs(samlResponse))).toBe(
        '/signin?error=saml_rejected&reason=request_unknown',
      );
    });

    it('IdP-initiated (Entra’s Test button, My Apps): accepted once, a replay is refused and logged', async () => {
      const user = await provision(`idp.${randomUUID()}@umbrella.example`);
      const samlResponse = await responseFor(user.userName);
      expect((await memberSession(await postToAcs(samlResponse))).user.id).toBe(user.id);
      expect(refusal(await postToAcs(samlResponse))).toBe(
        '/signin?error=saml_rejected&reason=replayed',
      );

      await api.app.get(RecordProvisioningRequest).flush();
      const log = await admin.json<ProvisioningLogPageView>(
        admin.get('/api/provisioning-log?status=401'),
        200,
      );
      expect(log.entries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            path: `/saml/${slug}/acs`,
            status: 401,
            detail: expect.stringContaining('(replayed)'),
          }),
        ]),
      );
    });

    it('two concurrent posts of one response: exactly one signs in', async () => {
      const user = await provision(`race.${randomUUID()}@umbrella.example`);
      const samlResponse = await responseFor(user.userName);
      const results = await Promise.all([postToAcs(samlResponse), postToAcs(samlResponse)]);
      const signedIn = results.filter((r) => r.location === '/signed-in');
      expect(signedIn).toHaveLength(1);
      expect(results.filter((r) => r.location.includes('reason=replayed'))).toHaveLength(1);
    });

    it('an encrypted assertion is decrypted with the org’s SP key', async () => {
      const user = await provision(`enc.${randomUUID()}@umbrella.example`);
      const status = await admin.json<SsoStatusView>(admin.get('/api/sso'), 200);
      const samlResponse = await responseFor(user.userName, {
        encryptTo: status.samlServiceProvider.encryptionCertificate,
      });
      expect((await memberSession(await postToAcs(samlResponse))).user.id).toBe(user.id);
    });

    it('refuses every response that breaks a rule, each with its reason, and signs no one in', async () => {
      const user = await provision(`rules.${randomUUID()}@umbrella.example`);
      const stranger = await generate([{ name: 'commonName', value: 'Not the IdP' }], {
        keySize: 2048,
        algorithm: 'sha256',
      });
      const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
      const cases: [Partial<SamlResponseOptions>, string][] = [
        [{ audience: `${PUBLIC_URL}/saml/another-org` }, 'audience'],
        [{ recipient: `${PUBLIC_URL}/saml/another-org/acs` }, 'recipient'],
        [{ destination: `${PUBLIC_URL}/saml/another-org/acs` }, 'destination'],
        [{ issuer: 'https://sts.windows.net/someone-else/' }, 'issuer'],
        [{ sign: 'none' }, 'signature'],
        [
          { signWith: { privateKeyPem: stranger.private, certificatePem: stranger.cert } },
          'signature',
        ],
        [{ wrap: 'inject_unsigned_assertion' }, 'signature'],
        [{ algorithm: 'sha1' }, 'sha1'],
        [
          {
            notBefore: minutesAgo(20),
            notOnOrAfter: minutesAgo(10),
            subjectNotOnOrAfter: minutesAgo(10),
          },
          'expired',
        ],
        [{ notBefore: new Date(Date.now() + 10 * 60_000) }, 'not_yet_valid'],
        [{ inResponseTo: `_${'0'.repeat(40)}` }, 'request_unknown'],
        [{ status: 'urn:oasis:names:tc:SAML:2.0:status:Requester' }, 'status'],
        [{ nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient' }, 'subject'],
      ];
      for (const [overrides, reason] of cases) {
        const result = await postToAcs(await responseFor(user.userName, overrides));
        expect({ overrides: Object.keys(overrides), location: refusal(result) }).toEqual({
          overrides: Object.keys(overrides),
          location: `/signin?error=saml_rejected&reason=${reason}`,
        });
      }
      for (const garbage of ['', 'not base64 at all!', Buffer.from('<x/>').toString('base64')]) {
        expect(refusal(await postToAcs(garbage))).toBe(
          '/signin?error=saml_rejected&reason=malformed',
        );
      }
      // Nothing posted at all, or another content type, is refused the same way, never a 500.
      const empty = await fetch(`${api.baseUrl}/saml/${slug}/acs`, {
        method: 'POST',
        redirect: 'manual',
      });
      expect(empty.status).toBe(302);
      expect(empty.headers.get('location')).toBe(
        `/signin?error=saml_rejected&reason=malformed&org=${slug}`,
      );
    });

    it('a request started for one org cannot be answered at another org’s ACS', async () => {
      const otherOrg = await api.createOrganization('Other ACS');
      const other = await AdminClient.signIn(api, otherOrg);
      await other.json(
        other.request('PUT', '/api/sso/saml', { metadataXml: idp.metadataXml() }),
        200,
      );
      const otherSlug = (
        await other.json<{ organization: { slug: string } }>(other.get('/api/auth/session'), 200)
      ).organization.slug;
      const request = await startSignIn();
      const user = await provision(`cross.${randomUUID()}@umbrella.example`);
      const otherEntity = `${PUBLIC_URL}/saml/${otherSlug}`;
      const samlResponse = await idp.response({
        acsUrl: `${otherEntity}/acs`,
        audience: otherEntity,
        inResponseTo: request.id,
        nameId: user.userName,
        nameIdFormat: EMAIL_NAME_ID_FORMAT,
      });
      expect(refusal(await postToAcs(samlResponse, `/saml/${otherSlug}/acs`), otherSlug)).toBe(
        '/signin?error=saml_rejected&reason=request_unknown',
      );
      // And a response for this org posted to the other org's ACS names the wrong audience.
      expect(
        refusal(
          await postToAcs(await responseFor(user.userName), `/saml/${otherSlug}/acs`),
          otherSlug,
        ),
      ).toBe('/signin?error=saml_rejected&reason=audience');
    });

    it('a deactivated user is refused; an unknown one is not provisioned', async () => {
      const user = await provision(`off.${randomUUID()}@umbrella.example`);
      const deactivate = await api.scim(org.scimToken, 'PATCH', `/Users/${user.id}`, {
        schemas: [PATCH_OP_URN],
        Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
      });
      expect(deactivate.status).toBe(200);
      expect(refusal(await postToAcs(await responseFor(user.userName)))).toBe(
        '/signin?error=account_deactivated',
      );
      expect(
        refusal(await postToAcs(await responseFor(`nobody.${randomUUID()}@umbrella.example`))),
      ).toBe('/signin?error=not_provisioned');
    });

    it('links once by (entity id, NameID): a later rename of the user keeps the same person', async () => {
      const user = await provision(`link.${randomUUID()}@umbrella.example`);
      await memberSession(await postToAcs(await responseFor(user.userName)));
      const renamed = `renamed.${randomUUID()}@umbrella.example`;
      const patch = await api.scim(org.scimToken, 'PATCH', `/Users/${user.id}`, {
        schemas: [PATCH_OP_URN],
        Operations: [{ op: 'Replace', path: 'userName', value: renamed }],
      });
      expect(patch.status).toBe(200);
      // The IdP still sends the old NameID: the link, not the address, decides.
      const again = await memberSession(await postToAcs(await responseFor(user.userName)));
      expect(again.user).toEqual({ id: user.id, userName: renamed });
    });

    it('a persistent (opaque) NameID matches nobody by itself, only the asserted e-mail', async () => {
      const user = await provision(`opaque.${randomUUID()}@umbrella.example`);
      const samlResponse = await responseFor(randomUUID(), {
        nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
        attributes: { [ENTRA_CLAIMS.emailaddress]: user.userName },
      });
      expect((await memberSession(await postToAcs(samlResponse))).user.id).toBe(user.id);
    });

    it('creates a user just in time for an asserted address in a JIT domain', async () => {
      await admin.json(
        admin.request('PATCH', '/api/sso/policy', {
          jitProvisioning: true,
          jitDomains: ['jit.umbrella.example'],
        }),
        200,
      );
      const userName = `new.${randomUUID()}@jit.umbrella.example`;
      const session = await memberSession(await postToAcs(await responseFor(userName)));
      expect(session.user.userName).toBe(userName);
      expect(
        refusal(await postToAcs(await responseFor(`x.${randomUUID()}@elsewhere.example`))),
      ).toBe('/signin?error=not_provisioned');
      await admin.json(
        admin.request('PATCH', '/api/sso/policy', { jitProvisioning: null, jitDomains: [] }),
        200,
      );
    });
  });

  describe('admins', () => {
    it('an admin session only for an explicitly linked admin; their address from SAML alone is not enough', async () => {
      // Before linking: the admin's own address signs in no one as admin.
      const before = await postToAcs(await responseFor(org.adminEmail));
      expect(before.location).not.toBe('/');
      expect(before.cookies.some((c) => /^rollcall_session=[^;]/.test(c))).toBe(false);

      const started = await admin.json<{ authorizationUrl: string }>(
        admin.request('POST', '/api/sso/saml/link'),
        200,
      );
      const request = SamlIdp.parseAuthnRequest(started.authorizationUrl);
      const linked = await postToAcs(
        await responseFor(org.adminEmail, { inResponseTo: request.id }),
      );
      expect(linked).toMatchObject({ status: 302, location: '/sso?linked=saml' });

      const status = await admin.json<SsoStatusView>(admin.get('/api/sso'), 200);
      expect(status.myLinks.saml).toMatchObject({ account: org.adminEmail });

      const signedIn = await postToAcs(await responseFor(org.adminEmail));
      expect(signedIn).toMatchObject({ status: 302, location: '/' });
      const session = await fetch(`${api.baseUrl}/api/auth/session`, {
        headers: { Cookie: cookieNamed(signedIn, 'rollcall_session') },
      });
      expect(session.status).toBe(200);

      // Another account of the same IdP claiming the admin's address is refused, not merged.
      const impostor = await responseFor(randomUUID(), {
        nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
        attributes: { [ENTRA_CLAIMS.emailaddress]: org.adminEmail },
      });
      expect(refusal(await postToAcs(impostor))).toBe('/signin?error=identity_conflict');

      const unlinked = await admin.request('DELETE', '/api/sso/links/saml');
      expect(unlinked.status).toBe(204);
    });

    it('Require SSO may rest on SAML alone', async () => {
      await admin.json(admin.request('PATCH', '/api/sso/policy', { requireSso: true }), 200);
      await admin.json(admin.request('PATCH', '/api/sso/policy', { requireSso: false }), 200);
    });
  });

  describe('certificate rollover', () => {
    it('the daily metadata re-read trusts the IdP’s new certificate, with an event', async () => {
      const user = await provision(`roll.${randomUUID()}@umbrella.example`);
      await idp.rolloverTo();
      // Signed with the new key before the re-read: not trusted yet.
      expect(refusal(await postToAcs(await responseFor(user.userName)))).toBe(
        '/signin?error=saml_rejected&reason=signature',
      );
      const refreshed = await api.app
        .get(RefreshSamlMetadata)
        .execute(new Date(Date.now() + DAY_MS + 60_000));
      expect(refreshed).toBeGreaterThanOrEqual(1);
      const status = await admin.json<SsoStatusView>(admin.get('/api/sso'), 200);
      expect(status.saml?.certificates).toHaveLength(2);
      expect((await memberSession(await postToAcs(await responseFor(user.userName)))).user.id).toBe(
        user.id,
      );
      const events = await admin.json<{ data: { actor: string; data: unknown }[] }>(
        admin.get('/api/events?types=sso.connected&limit=100'),
        200,
      );
      expect(events.data.at(-1)).toMatchObject({
        actor: 'system:saml-metadata-refresh',
        data: { provider: 'saml', certificateCount: 2, updated: true },
      });
    });

    it('a metadata URL that stops answering keeps the stored settings and shows why', async () => {
      const user = await provision(`down.${randomUUID()}@umbrella.example`);
      const stoppedIdp = await SamlIdp.start();
      const other = await AdminClient.signIn(api, await api.createOrganization('Flaky IdP'));
      await other.json(
        other.request('PUT', '/api/sso/saml', { metadataUrl: stoppedIdp.metadataUrl }),
        200,
      );
      await stoppedIdp.stop();
      await api.app.get(RefreshSamlMetadata).execute(new Date(Date.now() + DAY_MS + 60_000));
      const status = await other.json<SsoStatusView>(other.get('/api/sso'), 200);
      expect(status.saml?.metadataRefreshError).toMatch(/could not be read/);
      expect(status.saml?.certificates).toHaveLength(1);
      expect(user.id).toBeTruthy();
    });
  });
});
