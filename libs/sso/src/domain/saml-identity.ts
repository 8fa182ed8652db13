import type { FederatedIdentity } from './federated-identity';

/** The claim URIs Entra (and ADFS) assert, and the short names Okta's attribute statements use. */
export const SAML_CLAIMS = {
  email: [
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
    'email',
    'mail',
    'emailAddress',
  ],
  objectId: ['http://schemas.microsoft.com/identity/claims/objectidentifier'],
  displayName: ['http://schemas.microsoft.com/identity/claims/displayname', 'displayName'],
  givenName: ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname', 'firstName'],
  surname: ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname', 'lastName'],
} as const;

const NAME_ID_EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const NAME_ID_PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
const ADDRESS = /^[^\s@]+@[^\s@]+$/;

/** What a verified assertion says about the person, as Rollcall links and matches it. */
export interface SamlSubject {
  nameId: string;
  nameIdFormat: string | null;
  attributes: Record<string, string[]>;
}

/**
 * The person the org's own IdP vouches for. The link is `(saml, IdP entity id, NameID)`. Match
 * keys for a first sign-in: the NameID when it is an address (Entra's default NameID is the UPN,
 * which its provisioning also sends as userName; a persistent NameID is opaque and never one),
 * and the asserted e-mail (or an emailAddress-format NameID); the objectidentifier claim is
 * `objectId`, matched against externalId only where the org maps objectId there.
 */
export function samlIdentity(subject: SamlSubject, idpEntityId: string): FederatedIdentity {
  const email = address(first(subject.attributes, SAML_CLAIMS.email));
  const nameIdAddress =
    subject.nameIdFormat !== NAME_ID_PERSISTENT ? address(subject.nameId) : null;
  const given = first(subject.attributes, SAML_CLAIMS.givenName);
  const surname = first(subject.attributes, SAML_CLAIMS.surname);
  const displayName =
    first(subject.attributes, SAML_CLAIMS.displayName) ??
    ([given, surname].filter(Boolean).join(' ') || null);
  return {
    provider: 'saml',
    issuer: idpEntityId,
    subject: subject.nameId,
    verifiedEmail: email ?? (subject.nameIdFormat === NAME_ID_EMAIL ? nameIdAddress : null),
    userPrincipalName: nameIdAddress,
    objectId: first(subject.attributes, SAML_CLAIMS.objectId),
    displayName,
    label: email ?? subject.nameId,
  };
}

function first(attributes: Record<string, string[]>, names: readonly string[]): string | null {
  for (const name of names) {
    const value = attributes[name]?.find((v) => v.trim() !== '');
    if (value) return value.trim();
  }
  return null;
}

function address(value: string | null): string | null {
  return value && ADDRESS.test(value) && value.length <= 320 ? value : null;
}
