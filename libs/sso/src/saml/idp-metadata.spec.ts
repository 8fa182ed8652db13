import { SamlIdp } from './testing';
import { normalizeCertificate } from './certificates';
import { SamlMetadataError, parseIdpMetadata } from './idp-metadata';
import { generateServiceProviderKey } from './sp-key';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

let idp: SamlIdp;
let certificate: string;

beforeAll(async () => {
  idp = await SamlIdp.start({
    entityId: 'https://sts.windows.net/0f2b6b5e-0000-4000-8000-000000000001/',
  });
  certificate = (await generateServiceProviderKey('Other')).certificatePem;
});

afterAll(async () => {
  await idp.stop();
});

function body(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

function entity(inner: string, entityId = 'https://idp.example/'): string {
  return `<md:EntityDescriptor xmlns:md="${MD}" entityID="${entityId}">${inner}</md:EntityDescriptor>`;
}

function idpDescriptor(options: { keys?: string; services?: string } = {}): string {
  return (
    '<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">' +
    (options.keys ??
      `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${body(certificate)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`) +
    (options.services ??
      `<md:SingleSignOnService Binding="${REDIRECT}" Location="https://idp.example/sso"/>`) +
    '</md:IDPSSODescriptor>'
  );
}

function keyDescriptor(pem: string, use: string | null): string {
  return (
    `<md:KeyDescriptor${use === null ? '' : ` use="${use}"`}><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">` +
    `<ds:X509Data><ds:X509Certificate>${body(pem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`
  );
}

describe('parseIdpMetadata', () => {
  it('reads Entra-shaped federation metadata: Signature and RoleDescriptors first, two signing certificates', async () => {
    await idp.rolloverTo();
    const xml = idp.metadataXml();
    expect(xml.indexOf('RoleDescriptor')).toBeLessThan(xml.indexOf('IDPSSODescriptor'));
    expect(xml).toContain('<ds:Signature');
    const parsed = parseIdpMetadata(xml);
    expect(parsed).toEqual({
      entityId: 'https://sts.windows.net/0f2b6b5e-0000-4000-8000-000000000001/',
      ssoUrl: idp.ssoUrl,
      certificates: idp.certificates.map(normalizeCertificate),
    });
    expect(parsed.certificates).toHaveLength(2);
    idp.dropOldCertificates();
    expect(parseIdpMetadata(idp.metadataXml()).certificates).toEqual([
      normalizeCertificate(idp.certificatePem),
    ]);
  });

  it('is what the test IdP serves at its metadata URL', async () => {
    const served = await fetch(idp.metadataUrl).then((response) => response.text());
    expect(parseIdpMetadata(served).ssoUrl).toBe(idp.ssoUrl);
  });

  it('prefers the HTTP-Redirect SingleSignOnService and falls back to HTTP-POST', () => {
    const both =
      `<md:SingleSignOnService Binding="${POST}" Location="https://idp.example/post"/>` +
      `<md:SingleSignOnService Binding="${REDIRECT}" Location="https://idp.example/redirect"/>`;
    expect(parseIdpMetadata(entity(idpDescriptor({ services: both }))).ssoUrl).toBe(
      'https://idp.example/redirect',
    );
    const post = `<md:SingleSignOnService Binding="${POST}" Location="https://idp.example/post"/>`;
    expect(parseIdpMetadata(entity(idpDescriptor({ services: post }))).ssoUrl).toBe(
      'https://idp.example/post',
    );
  });

  it('keeps signing and use-less certificates once each, and skips encryption ones', async () => {
    const encryption = (await generateServiceProviderKey('Encryption')).certificatePem;
    const keys =
      keyDescriptor(certificate, 'signing') +
      keyDescriptor(certificate, null) +
      keyDescriptor(encryption, 'encryption') +
      keyDescriptor(idp.certificatePem, null);
    expect(parseIdpMetadata(entity(idpDescriptor({ keys }))).certificates).toEqual([
      normalizeCertificate(certificate),
      normalizeCertificate(idp.certificatePem),
    ]);
  });

  it('reads an EntitiesDescriptor holding one identity provider among service providers', () => {
    const xml =
      `<md:EntitiesDescriptor xmlns:md="${MD}">` +
      entity(
        '<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>',
        'https://sp/',
      ) +
      entity(idpDescriptor(), 'https://the-idp/') +
      '</md:EntitiesDescriptor>';
    expect(parseIdpMetadata(xml).entityId).toBe('https://the-idp/');
  });

  it.each<[string, () => string]>([
    ['empty', () => ''],
    ['not XML', () => 'hello'],
    ['not well-formed', () => entity(idpDescriptor()).slice(0, -5)],
    ['a DOCTYPE', () => `<!DOCTYPE x [<!ENTITY a "b">]>${entity(idpDescriptor())}`],
    [
      'larger than 512 KiB',
      () => entity(`<!-- ${'x'.repeat(520 * 1024)} -->${'<md:Extensions/>'}`),
    ],
    ['not metadata', () => '<html><body>Sign in</body></html>'],
    [
      'no IDPSSODescriptor',
      () =>
        entity(
          '<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>',
        ),
    ],
    [
      'no entityID',
      () =>
        `<md:EntityDescriptor xmlns:md="${MD}">${'<md:IDPSSODescriptor/>'}</md:EntityDescriptor>`,
    ],
    ['no certificate', () => entity(idpDescriptor({ keys: '' }))],
    [
      'only an encryption certificate',
      () => entity(idpDescriptor({ keys: '<md:KeyDescriptor use="encryption"/>' })),
    ],
    [
      'a certificate that does not parse',
      () =>
        entity(
          idpDescriptor({
            keys: '<md:KeyDescriptor><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>TUlJQ2Zvbw==</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
          }),
        ),
    ],
    ['no SingleSignOnService', () => entity(idpDescriptor({ services: '' }))],
    [
      'only an Artifact SingleSignOnService',
      () =>
        entity(
          idpDescriptor({
            services:
              '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" Location="https://idp/a"/>',
          }),
        ),
    ],
    [
      'a javascript: SSO URL',
      () =>
        entity(
          idpDescriptor({
            services: `<md:SingleSignOnService Binding="${REDIRECT}" Location="javascript:alert(1)"/>`,
          }),
        ),
    ],
    [
      'two identity providers',
      () =>
        `<md:EntitiesDescriptor xmlns:md="${MD}">${entity(idpDescriptor(), 'https://a/')}${entity(idpDescriptor(), 'https://b/')}</md:EntitiesDescriptor>`,
    ],
  ])('refuses %s with a SamlMetadataError that does not echo the input', (_what, xml) => {
    let thrown: unknown;
    try {
      parseIdpMetadata(xml());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SamlMetadataError);
    expect((thrown as Error).message.length).toBeLessThan(200);
  });

  it('refuses what is not a string', () => {
    expect(() => parseIdpMetadata(undefined as unknown as string)).toThrow(SamlMetadataError);
  });
});
