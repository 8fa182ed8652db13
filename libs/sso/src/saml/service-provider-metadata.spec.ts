import { DOMParser } from '@xmldom/xmldom';
import { normalizeCertificate } from './certificates';
import { serviceProviderMetadata } from './service-provider-metadata';
import { generateServiceProviderKey } from './sp-key';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';

describe('serviceProviderMetadata', () => {
  it('describes our SP: unsigned requests, signed assertions, the encryption certificate, POST ACS', async () => {
    const key = await generateServiceProviderKey('rollcall.example');
    const xml = serviceProviderMetadata({
      entityId: 'https://rollcall.example/api/sso/saml/org_1?a=1&b=2',
      acsUrl: 'https://rollcall.example/api/sso/saml/org_1/acs',
      encryptionCertificatePem: key.certificatePem,
    });
    const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
    expect(root.localName).toBe('EntityDescriptor');
    expect(root.getAttribute('entityID')).toBe(
      'https://rollcall.example/api/sso/saml/org_1?a=1&b=2',
    );
    const sp = root.getElementsByTagNameNS(MD, 'SPSSODescriptor')[0];
    expect(sp?.getAttribute('AuthnRequestsSigned')).toBe('false');
    expect(sp?.getAttribute('WantAssertionsSigned')).toBe('true');
    expect(sp?.getAttribute('protocolSupportEnumeration')).toBe(
      'urn:oasis:names:tc:SAML:2.0:protocol',
    );
    const keyDescriptor = root.getElementsByTagNameNS(MD, 'KeyDescriptor')[0];
    expect(keyDescriptor?.getAttribute('use')).toBe('encryption');
    const certificate = root.getElementsByTagNameNS(
      'http://www.w3.org/2000/09/xmldsig#',
      'X509Certificate',
    )[0];
    expect(normalizeCertificate(certificate?.textContent ?? '')).toBe(
      normalizeCertificate(key.certificatePem),
    );
    expect(
      Array.from(root.getElementsByTagNameNS(MD, 'NameIDFormat')).map((e) => e.textContent),
    ).toEqual([
      'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
      'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    ]);
    const acs = root.getElementsByTagNameNS(MD, 'AssertionConsumerService')[0];
    expect(acs?.getAttribute('Binding')).toBe('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST');
    expect(acs?.getAttribute('Location')).toBe('https://rollcall.example/api/sso/saml/org_1/acs');
    expect(acs?.getAttribute('index')).toBe('0');
    expect(acs?.getAttribute('isDefault')).toBe('true');
  });
});
