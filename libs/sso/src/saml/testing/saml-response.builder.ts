import { createPublicKey, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { encrypt } from 'xml-encryption';
import type { EncryptionAlgorithm } from 'xml-encryption';
import { EMAIL_NAME_ID_FORMAT, ENTRA_CLAIMS } from './entra-claims';
import { signDocumentElement } from './xml-signer';
import type { SigningAlgorithm, SigningKey } from './xml-signer';

export interface SamlResponseOptions {
  acsUrl: string;
  audience: string;
  inResponseTo?: string | null;
  nameId: string;
  nameIdFormat?: string;
  attributes?: Record<string, string | string[]>;
  /** Which element carries a signature. Entra signs the assertion by default. */
  sign?: 'response' | 'assertion' | 'both' | 'none';
  algorithm?: SigningAlgorithm;
  issuer?: string;
  /** null: no Destination attribute. Default acsUrl. */
  destination?: string | null;
  /** null: no Recipient attribute. Default acsUrl. */
  recipient?: string | null;
  notBefore?: Date;
  notOnOrAfter?: Date;
  subjectNotOnOrAfter?: Date;
  assertionId?: string;
  /** StatusCode Value; anything but Success yields an Entra-like error response without assertion. */
  status?: string;
  /** SP certificate PEM: wrap the (signed) assertion in an EncryptedAssertion. */
  encryptTo?: string;
  /** Not in the original contract: the block cipher of encryptTo (default aes256-gcm). */
  encryptionAlgorithm?: 'aes256-gcm' | 'aes256-cbc';
  signWith?: SigningKey;
  /**
   * Signature wrapping attacks, applied to the finished response as an attacker would:
   * - inject_unsigned_assertion: a forged, unsigned assertion is added next to the signed one;
   * - signed_assertion_in_extensions: the signed element (the assertion, or the whole Response
   *   when only the Response is signed) moves into samlp:Extensions of a Response whose
   *   assertion is a forged, unsigned one.
   */
  wrap?: 'inject_unsigned_assertion' | 'signed_assertion_in_extensions';
}

export const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
export const FORGED_NAME_ID = 'attacker@evil.example';
const PROTOCOL_NS = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
const ENCRYPTION: Record<
  NonNullable<SamlResponseOptions['encryptionAlgorithm']>,
  EncryptionAlgorithm
> = {
  'aes256-gcm': 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
  'aes256-cbc': 'http://www.w3.org/2001/04/xmlenc#aes256-cbc',
};
const encryptXml = promisify(encrypt) as (
  content: string,
  options: Parameters<typeof encrypt>[1],
) => Promise<string>;

/** Builds the XML of a SAMLResponse the way Entra shapes it (samlp: Response, unprefixed Assertion). */
export async function buildSamlResponseXml(
  options: SamlResponseOptions,
  defaults: { issuer: string; key: SigningKey },
): Promise<string> {
  const key = options.signWith ?? defaults.key;
  const issuer = options.issuer ?? defaults.issuer;
  const algorithm = options.algorithm ?? 'sha256';
  const sign = options.sign ?? 'assertion';
  const status = options.status ?? SUCCESS;
  const now = new Date();

  let assertion = '';
  if (status === SUCCESS) {
    assertion = assertionXml(options, issuer, now);
    if (sign === 'assertion' || sign === 'both') {
      assertion = signDocumentElement(assertion, key, algorithm);
    }
    if (options.encryptTo) assertion = await encryptedAssertion(assertion, options);
  }
  let response = responseXml(options, issuer, status, now, assertion);
  if (sign === 'response' || sign === 'both') {
    response = signDocumentElement(response, key, algorithm);
  }
  if (options.wrap) {
    const forged = assertionXml(
      { ...options, nameId: FORGED_NAME_ID, assertionId: undefined },
      issuer,
      now,
    );
    response = wrapped(response, forged, options.wrap, sign === 'response');
  }
  return response;
}

function responseXml(
  options: SamlResponseOptions,
  issuer: string,
  status: string,
  now: Date,
  assertion: string,
): string {
  const destination = options.destination === undefined ? options.acsUrl : options.destination;
  const attributes = [
    `ID="_${randomUUID()}"`,
    'Version="2.0"',
    `IssueInstant="${now.toISOString()}"`,
    destination === null ? '' : `Destination="${escape(destination)}"`,
    options.inResponseTo ? `InResponseTo="${escape(options.inResponseTo)}"` : '',
  ].filter(Boolean);
  const statusXml =
    status === SUCCESS
      ? `<samlp:Status><samlp:StatusCode Value="${SUCCESS}"/></samlp:Status>`
      : // Entra: Requester / RequestDenied with AADSTS50105 when the user is not assigned.
        `<samlp:Status><samlp:StatusCode Value="${escape(status)}"/><samlp:StatusMessage>AADSTS50105: The signed in user is not assigned to a role for the application.</samlp:StatusMessage></samlp:Status>`;
  return (
    `<samlp:Response xmlns:samlp="${PROTOCOL_NS}" ${attributes.join(' ')}>` +
    `<Issuer xmlns="${ASSERTION_NS}">${escape(issuer)}</Issuer>` +
    statusXml +
    assertion +
    '</samlp:Response>'
  );
}

function assertionXml(options: SamlResponseOptions, issuer: string, now: Date): string {
  const notBefore = options.notBefore ?? new Date(now.getTime() - 5 * 60_000);
  const notOnOrAfter = options.notOnOrAfter ?? new Date(now.getTime() + 60 * 60_000);
  const subjectNotOnOrAfter = options.subjectNotOnOrAfter ?? new Date(now.getTime() + 5 * 60_000);
  const recipient = options.recipient === undefined ? options.acsUrl : options.recipient;
  const confirmationData = [
    options.inResponseTo ? `InResponseTo="${escape(options.inResponseTo)}"` : '',
    `NotOnOrAfter="${subjectNotOnOrAfter.toISOString()}"`,
    recipient === null ? '' : `Recipient="${escape(recipient)}"`,
  ].filter(Boolean);
  return (
    `<Assertion xmlns="${ASSERTION_NS}" ID="${escape(options.assertionId ?? `_${randomUUID()}`)}" IssueInstant="${now.toISOString()}" Version="2.0">` +
    `<Issuer>${escape(issuer)}</Issuer>` +
    '<Subject>' +
    (options.nameId === ''
      ? ''
      : `<NameID Format="${escape(options.nameIdFormat ?? EMAIL_NAME_ID_FORMAT)}">${escape(options.nameId)}</NameID>`) +
    '<SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">' +
    `<SubjectConfirmationData ${confirmationData.join(' ')}/>` +
    '</SubjectConfirmation></Subject>' +
    `<Conditions NotBefore="${notBefore.toISOString()}" NotOnOrAfter="${notOnOrAfter.toISOString()}">` +
    `<AudienceRestriction><Audience>${escape(options.audience)}</Audience></AudienceRestriction>` +
    '</Conditions>' +
    attributeStatement(options.attributes ?? entraAttributes(options.nameId)) +
    `<AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="_${randomUUID()}">` +
    '<AuthnContext><AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:Password</AuthnContextClassRef></AuthnContext>' +
    '</AuthnStatement>' +
    '</Assertion>'
  );
}

/** The claims Entra sends by default, derived from a sign-in name like ada.lovelace@example.com. */
export function entraAttributes(nameId: string): Record<string, string> {
  const local = nameId.split('@')[0] ?? nameId;
  const [given = local, family = ''] = local.split('.');
  const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
  return {
    [ENTRA_CLAIMS.objectidentifier]: randomUUID(),
    [ENTRA_CLAIMS.emailaddress]: nameId,
    [ENTRA_CLAIMS.givenname]: capitalised(given),
    [ENTRA_CLAIMS.surname]: capitalised(family),
    [ENTRA_CLAIMS.name]: nameId,
    [ENTRA_CLAIMS.displayname]: `${capitalised(given)} ${capitalised(family)}`.trim(),
  };
}

function attributeStatement(attributes: Record<string, string | string[]>): string {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return '';
  return (
    '<AttributeStatement>' +
    entries
      .map(
        ([name, values]) =>
          `<Attribute Name="${escape(name)}">` +
          (Array.isArray(values) ? values : [values])
            .map((value) => `<AttributeValue>${escape(value)}</AttributeValue>`)
            .join('') +
          '</Attribute>',
      )
      .join('') +
    '</AttributeStatement>'
  );
}

async function encryptedAssertion(
  assertion: string,
  options: SamlResponseOptions,
): Promise<string> {
  const certificate = options.encryptTo as string;
  const encrypted = await encryptXml(assertion, {
    rsa_pub: createPublicKey(certificate).export({ type: 'spki', format: 'pem' }).toString(),
    pem: certificate,
    encryptionAlgorithm: ENCRYPTION[options.encryptionAlgorithm ?? 'aes256-gcm'],
    keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
  });
  return `<EncryptedAssertion xmlns="${ASSERTION_NS}">${encrypted}</EncryptedAssertion>`;
}

function wrapped(
  response: string,
  forgedAssertion: string,
  wrap: NonNullable<SamlResponseOptions['wrap']>,
  onlyResponseSigned: boolean,
): string {
  const parser = new DOMParser();
  const document = parser.parseFromString(response, 'text/xml');
  const forged = parser.parseFromString(forgedAssertion, 'text/xml').documentElement;
  const root = document.documentElement;
  const original =
    childByLocalName(root, 'Assertion') ?? childByLocalName(root, 'EncryptedAssertion');
  if (wrap === 'inject_unsigned_assertion') {
    root.insertBefore(document.importNode(forged, true), original);
    return new XMLSerializer().serializeToString(document);
  }
  if (onlyResponseSigned) {
    // A new Response around the signed one: the signature still verifies, over the wrong element.
    const outer = parser.parseFromString(
      response.replace(/ ID="[^"]*"/, ` ID="_${randomUUID()}"`),
      'text/xml',
    );
    const outerRoot = outer.documentElement;
    for (const child of [...childElements(outerRoot)]) {
      if (child.localName !== 'Issuer' && child.localName !== 'Status')
        outerRoot.removeChild(child);
    }
    const extensions = outer.createElementNS(PROTOCOL_NS, 'samlp:Extensions');
    extensions.appendChild(outer.importNode(root, true));
    outerRoot.insertBefore(extensions, childByLocalName(outerRoot, 'Status'));
    outerRoot.appendChild(outer.importNode(forged, true));
    return new XMLSerializer().serializeToString(outer);
  }
  const extensions = document.createElementNS(PROTOCOL_NS, 'samlp:Extensions');
  if (original) {
    root.replaceChild(document.importNode(forged, true), original);
    extensions.appendChild(original);
  }
  root.insertBefore(extensions, childByLocalName(root, 'Status'));
  return new XMLSerializer().serializeToString(document);
}

function childElements(parent: Element): Element[] {
  const elements: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) elements.push(node as Element);
  }
  return elements;
}

function childByLocalName(parent: Element, localName: string): Element | null {
  return childElements(parent).find((child) => child.localName === localName) ?? null;
}

function escape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
