import {
  authnRequestUrl,
  generateServiceProviderKey,
  validateSamlResponse,
  type SamlTrust,
} from '..';
import { ENTRA_CLAIMS } from './entra-claims';
import { SamlIdp } from './saml-idp';

const ACS = 'http://127.0.0.1:1/api/sso/saml/org_1/acs';
const SP = 'http://127.0.0.1:1/api/sso/saml/org_1';

let idp: SamlIdp;
let trust: SamlTrust;

beforeAll(async () => {
  idp = await SamlIdp.start();
  const key = await generateServiceProviderKey('sp');
  trust = {
    idpEntityId: idp.entityId,
    ssoUrl: idp.ssoUrl,
    certificates: [idp.certificatePem],
    allowSha1: false,
    spEntityId: SP,
    acsUrl: ACS,
    spPrivateKeyPem: key.privateKeyPem,
  };
});

afterAll(async () => {
  await idp.stop();
});

function formField(html: string, name: string): string | null {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  return (
    match?.[1]
      ?.replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&') ?? null
  );
}

describe('SamlIdp', () => {
  it('answers an AuthnRequest at /sso with a form auto-posting a signed response for the signed-in account', async () => {
    idp.signInAs({
      nameId: 'grace.hopper@example.com',
      attributes: {
        [ENTRA_CLAIMS.emailaddress]: 'grace.hopper@example.com',
        [ENTRA_CLAIMS.givenname]: 'Grace',
      },
    });
    const page = await fetch(await authnRequestUrl(trust, '_req42', 'back/to?x=1&y=2'));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`action="${ACS}"`);
    expect(html).toContain('document.forms[0].submit()');
    expect(formField(html, 'RelayState')).toBe('back/to?x=1&y=2');
    const validated = await validateSamlResponse(formField(html, 'SAMLResponse'), trust);
    expect(validated).toMatchObject({
      inResponseTo: '_req42',
      nameId: 'grace.hopper@example.com',
      attributes: {
        [ENTRA_CLAIMS.emailaddress]: ['grace.hopper@example.com'],
        [ENTRA_CLAIMS.givenname]: ['Grace'],
      },
    });
  });

  it('posts an IdP-initiated response (no InResponseTo) from /initiate', async () => {
    idp.signInAs({ nameId: 'ada.lovelace@example.com' });
    const url = `${idp.baseUrl}/initiate?acs=${encodeURIComponent(ACS)}&audience=${encodeURIComponent(SP)}`;
    const html = await fetch(url).then((response) => response.text());
    const validated = await validateSamlResponse(formField(html, 'SAMLResponse'), trust);
    expect(validated.inResponseTo).toBeNull();
    expect(validated.attributes[ENTRA_CLAIMS.emailaddress]).toEqual(['ada.lovelace@example.com']);
    expect(validated.attributes[ENTRA_CLAIMS.displayname]).toEqual(['Ada Lovelace']);
  });

  it('signs with the new key after a rollover, which only a trust listing the new certificate accepts', async () => {
    const old = idp.certificatePem;
    await idp.rolloverTo();
    expect(idp.certificatePem).not.toBe(old);
    expect(idp.certificates).toEqual([old, idp.certificatePem]);
    const response = await idp.response({ acsUrl: ACS, audience: SP, nameId: 'a@example.com' });
    await expect(
      validateSamlResponse(response, { ...trust, certificates: [old] }),
    ).rejects.toMatchObject({
      reason: 'signature',
    });
    await expect(
      validateSamlResponse(response, { ...trust, certificates: idp.certificates }),
    ).resolves.toBeDefined();
    idp.dropOldCertificates();
    expect(idp.certificates).toEqual([idp.certificatePem]);
  });

  it('refuses a malformed request at /sso', async () => {
    const response = await fetch(`${idp.ssoUrl}?SAMLRequest=notdeflated`);
    expect(response.status).toBeGreaterThanOrEqual(400);
  });
});
