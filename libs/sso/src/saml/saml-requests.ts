import { randomBytes } from 'node:crypto';
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import type { SamlTrust } from './saml-trust';

const UNSPECIFIED_NAME_ID = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
// xs:ID is an NCName: it may not start with a digit, '-' or '.'.
const XML_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** A fresh request id: `_` + 40 hex chars (random). */
export function newSamlRequestId(): string {
  return `_${randomBytes(20).toString('hex')}`;
}

/**
 * The HTTP-Redirect URL of a new AuthnRequest with this ID, to trust.ssoUrl, with RelayState if
 * given. Unsigned; NameIDPolicy unspecified-format with AllowCreate; no RequestedAuthnContext,
 * because Entra refuses a request whose authentication context it did not perform (AADSTS75011).
 */
export async function authnRequestUrl(
  trust: SamlTrust,
  requestId: string,
  relayState: string | null,
): Promise<string> {
  if (!XML_ID.test(requestId)) {
    throw new TypeError('A SAML request id must start with a letter or "_" (xs:ID).');
  }
  const saml = new SAML({
    entryPoint: trust.ssoUrl,
    issuer: trust.spEntityId,
    callbackUrl: trust.acsUrl,
    // Required by the constructor, unused for requests.
    idpCert: trust.certificates.length > 0 ? trust.certificates : 'unused',
    identifierFormat: UNSPECIFIED_NAME_ID,
    allowCreate: true,
    disableRequestedAuthnContext: true,
    generateUniqueId: () => requestId,
    validateInResponseTo: ValidateInResponseTo.never,
  });
  return saml.getAuthorizeUrlAsync(relayState ?? '', undefined, {});
}
