import { inflateRawSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import { SamlIdp } from './testing';
import { authnRequestUrl, newSamlRequestId } from './saml-requests';
import type { SamlTrust } from './saml-trust';

const trust: SamlTrust = {
  idpEntityId: 'https://sts.windows.net/tenant/',
  ssoUrl: 'https://login.microsoftonline.com/tenant/saml2',
  certificates: [],
  allowSha1: false,
  spEntityId: 'https://rollcall.example/api/sso/saml/org_1',
  acsUrl: 'https://rollcall.example/api/sso/saml/org_1/acs',
  spPrivateKeyPem: '',
};

function inflatedRequest(url: string): Element {
  const encoded = new URL(url).searchParams.get('SAMLRequest') ?? '';
  const xml = inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8');
  return new DOMParser().parseFromString(xml, 'text/xml').documentElement;
}

describe('authnRequestUrl', () => {
  it('redirects to the IdP with a deflated AuthnRequest answering to our ACS', async () => {
    const url = await authnRequestUrl(trust, '_abc123', 'state-xyz');
    expect(url.startsWith(`${trust.ssoUrl}?`)).toBe(true);
    expect(new URL(url).searchParams.get('RelayState')).toBe('state-xyz');
    const request = inflatedRequest(url);
    expect(request.localName).toBe('AuthnRequest');
    expect(request.getAttribute('ID')).toBe('_abc123');
    expect(request.getAttribute('Destination')).toBe(trust.ssoUrl);
    expect(request.getAttribute('AssertionConsumerServiceURL')).toBe(trust.acsUrl);
    expect(request.getAttribute('ProtocolBinding')).toBe(
      'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
    );
    const issuer = request.getElementsByTagNameNS(
      'urn:oasis:names:tc:SAML:2.0:assertion',
      'Issuer',
    )[0];
    expect(issuer?.textContent).toBe(trust.spEntityId);
    const policy = request.getElementsByTagNameNS(
      'urn:oasis:names:tc:SAML:2.0:protocol',
      'NameIDPolicy',
    )[0];
    expect(policy?.getAttribute('Format')).toBe(
      'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    );
    expect(policy?.getAttribute('AllowCreate')).toBe('true');
    expect(
      request.getElementsByTagNameNS(
        'urn:oasis:names:tc:SAML:2.0:protocol',
        'RequestedAuthnContext',
      ),
    ).toHaveLength(0);
    expect(new URL(url).searchParams.has('Signature')).toBe(false);
  });

  it('sends no RelayState when there is none', async () => {
    const url = await authnRequestUrl(trust, '_abc123', null);
    expect(new URL(url).searchParams.has('RelayState')).toBe(false);
  });

  it('is read back by the test IdP', async () => {
    const url = await authnRequestUrl(trust, '_r1', 'relay');
    expect(SamlIdp.parseAuthnRequest(url)).toEqual({
      id: '_r1',
      acsUrl: trust.acsUrl,
      issuer: trust.spEntityId,
      destination: trust.ssoUrl,
      relayState: 'relay',
    });
  });

  it.each(['1abc', '-x', '', 'a b', '"x"'])(
    'refuses the request id %j (not an xs:ID)',
    async (id) => {
      await expect(authnRequestUrl(trust, id, null)).rejects.toThrow(TypeError);
    },
  );
});

describe('newSamlRequestId', () => {
  it('is _ and 40 random hex characters', () => {
    const ids = new Set(Array.from({ length: 20 }, () => newSamlRequestId()));
    expect(ids.size).toBe(20);
    for (const id of ids) expect(id).toMatch(/^_[0-9a-f]{40}$/);
  });
});
