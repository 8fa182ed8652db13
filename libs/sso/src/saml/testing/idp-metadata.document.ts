import { randomUUID } from 'node:crypto';
import { signDocumentElement } from './xml-signer';
import type { SigningKey } from './xml-signer';

const WS_FED = 'http://docs.oasis-open.org/wsfed/federation/200706';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

/**
 * Federation metadata shaped like Entra's: a Signature first, then WS-Federation RoleDescriptors
 * (SecurityTokenService, ApplicationService), then the SAML 2.0 IDPSSODescriptor; every
 * descriptor lists every signing certificate (during a rollover: old and new).
 */
export function idpMetadataXml(idp: {
  entityId: string;
  ssoUrl: string;
  certificates: string[];
  signingKey: SigningKey;
}): string {
  const keyDescriptors = idp.certificates
    .map(
      (pem) =>
        '<KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#">' +
        `<X509Data><X509Certificate>${base64Body(pem)}</X509Certificate></X509Data>` +
        '</KeyInfo></KeyDescriptor>',
    )
    .join('');
  const roleDescriptor = (type: string, endpoint: string): string =>
    `<RoleDescriptor xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:fed="${WS_FED}" xsi:type="fed:${type}" protocolSupportEnumeration="${WS_FED}">` +
    keyDescriptors +
    `<fed:${endpoint}><wsa:EndpointReference xmlns:wsa="http://www.w3.org/2005/08/addressing">` +
    `<wsa:Address>${idp.ssoUrl}</wsa:Address></wsa:EndpointReference></fed:${endpoint}>` +
    '</RoleDescriptor>';
  const xml =
    `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" ID="_${randomUUID()}" entityID="${idp.entityId}">` +
    roleDescriptor('SecurityTokenServiceType', 'PassiveRequestorEndpoint') +
    roleDescriptor('ApplicationServiceType', 'TargetPassiveRequestorEndpoint') +
    '<IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">' +
    keyDescriptors +
    `<SingleLogoutService Binding="${REDIRECT}" Location="${idp.ssoUrl}"/>` +
    `<SingleSignOnService Binding="${REDIRECT}" Location="${idp.ssoUrl}"/>` +
    `<SingleSignOnService Binding="${POST}" Location="${idp.ssoUrl}"/>` +
    '</IDPSSODescriptor>' +
    '</EntityDescriptor>';
  return signDocumentElement(xml, idp.signingKey, 'sha256');
}

function base64Body(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}
