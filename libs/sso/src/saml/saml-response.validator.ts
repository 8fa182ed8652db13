import { promisify } from 'node:util';
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { XMLSerializer } from '@xmldom/xmldom';
import { decrypt } from 'xml-encryption';
import { refusalFromNodeSaml } from './node-saml-refusal';
import { signsWithSha1 } from './saml-signature-algorithms';
import type { SamlTrust } from './saml-trust';
import { SamlValidationError } from './saml-validation.error';
import type { SamlRefusal } from './saml-validation.error';
import {
  SAML_ASSERTION_NS,
  SAML_PROTOCOL_NS,
  attribute,
  descendantElements,
  firstChild,
  hasDoctype,
  is,
  parseXmlStrictly,
  text,
} from './saml-xml';
import { readVerifiedAssertion } from './verified-assertion.reader';
import type { BearerConfirmation } from './verified-assertion.reader';

export { SamlValidationError } from './saml-validation.error';
export type { SamlRefusal } from './saml-validation.error';

export const SAML_CLOCK_SKEW_MS = 3 * 60_000;

export interface ValidatedAssertion {
  /** The verified Assertion's ID. */
  assertionId: string;
  /** Until when this assertion could be accepted: earliest NotOnOrAfter (+ skew). Replay store keeps the id until then. */
  acceptableUntil: Date;
  /** The request this answers (from the verified assertion's SubjectConfirmationData, else Response), or null = IdP-initiated. */
  inResponseTo: string | null;
  issuer: string;
  nameId: string;
  nameIdFormat: string | null;
  /** Attribute name -> values, as asserted (e.g. 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'). */
  attributes: Record<string, string[]>;
}

const MAX_DECODED_BYTES = 256 * 1024;
const BASE64 = /^[A-Za-z0-9+/\r\n ]+={0,2}[\r\n ]*$/;
const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const TRANSIENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
const decryptXml = promisify(decrypt) as (xml: string, options: { key: string }) => Promise<string>;

/**
 * Validates a posted SAMLResponse (base64, HTTP-POST binding). Never checks InResponseTo against
 * a store or replay: the caller does (it owns the DB). node-saml verifies signatures, decrypts and
 * checks Conditions; everything it leaves out (Issuer, Destination, Recipient, SHA-1, DOCTYPE,
 * size, the bearer confirmation's window) is checked here, on the assertion it verified.
 */
export async function validateSamlResponse(
  samlResponse: unknown,
  trust: SamlTrust,
): Promise<ValidatedAssertion> {
  const xml = decode(samlResponse);
  const response = parseResponse(xml);
  refuseUnsuccessfulStatus(response);
  const posted = onlyAssertion(response);
  if (!trust.allowSha1 && signsWithSha1(response)) {
    refuse('sha1', 'The response is signed with SHA-1, which this connection does not allow.');
  }
  if (is(posted, SAML_ASSERTION_NS, 'EncryptedAssertion')) {
    await refuseUndecryptable(posted, trust);
  }
  const assertionXml = await verifiedAssertionXml(samlResponse as string, trust);
  return acceptedAssertion(response, readVerifiedAssertion(assertionXml), trust, new Date());
}

function decode(samlResponse: unknown): string {
  if (typeof samlResponse !== 'string' || samlResponse.length === 0) {
    refuse('malformed', 'SAMLResponse is missing.');
  }
  // 4/3 of the decoded limit plus line breaks: reject before allocating anything large.
  if (samlResponse.length > (MAX_DECODED_BYTES * 4) / 3 + 16 * 1024 || !BASE64.test(samlResponse)) {
    refuse('malformed', 'SAMLResponse is not base64 of at most 256 KiB.');
  }
  const bytes = Buffer.from(samlResponse, 'base64');
  if (bytes.length > MAX_DECODED_BYTES) refuse('malformed', 'SAMLResponse is larger than 256 KiB.');
  return bytes.toString('utf8');
}

function parseResponse(xml: string): Element {
  if (hasDoctype(xml)) refuse('malformed', 'SAMLResponse contains a DOCTYPE.');
  const root = parseXmlStrictly(xml)?.documentElement;
  if (!root || !is(root, SAML_PROTOCOL_NS, 'Response')) {
    refuse('malformed', 'SAMLResponse is not a SAML 2.0 Response.');
  }
  return root;
}

// IdPs often leave error responses unsigned; a refusal grants nothing, so it is reported as is.
function refuseUnsuccessfulStatus(response: Element): void {
  const status = firstChild(response, SAML_PROTOCOL_NS, 'Status');
  const code = status ? firstChild(status, SAML_PROTOCOL_NS, 'StatusCode') : null;
  const value = code ? attribute(code, 'Value') : null;
  if (value === SUCCESS) return;
  const nested = code ? firstChild(code, SAML_PROTOCOL_NS, 'StatusCode') : null;
  const detail = [value, nested ? attribute(nested, 'Value') : null]
    .filter((part): part is string => Boolean(part))
    .map((part) => part.slice(0, 200))
    .join(' / ');
  refuse(
    'status',
    `The identity provider did not sign the user in (${detail || 'no StatusCode'}).`,
  );
}

/**
 * node-saml refuses two assertions side by side, but only looks at the Response's children.
 * Signature wrapping hides a second assertion deeper (in Extensions, in an Advice, in a copy of a
 * signed Response): exactly one assertion may exist anywhere, and it must be a child of Response.
 */
function onlyAssertion(response: Element): Element {
  const assertions = [
    ...byLocalName(response, 'Assertion'),
    ...byLocalName(response, 'EncryptedAssertion'),
  ];
  const [only, ...others] = assertions;
  if (!only) refuse('malformed', 'The response carries no assertion.');
  if (others.length > 0) refuse('signature', 'The response carries more than one assertion.');
  if (only.parentNode !== response || only.namespaceURI !== SAML_ASSERTION_NS) {
    refuse('signature', 'The assertion is not where a SAML Response carries it.');
  }
  return only;
}

function byLocalName(root: Element, localName: string): Element[] {
  const found: Element[] = [];
  const visit = (parent: Node): void => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType !== 1) continue;
      if ((node as Element).localName === localName) found.push(node as Element);
      visit(node);
    }
  };
  visit(root);
  return found;
}

async function refuseUndecryptable(encrypted: Element, trust: SamlTrust): Promise<void> {
  let decrypted: string;
  try {
    decrypted = await decryptXml(new XMLSerializer().serializeToString(encrypted), {
      key: trust.spPrivateKeyPem,
    });
  } catch {
    refuse('encryption', 'The encrypted assertion cannot be decrypted with this connection’s key.');
  }
  const assertion = parseXmlStrictly(decrypted)?.documentElement;
  if (!assertion || !is(assertion, SAML_ASSERTION_NS, 'Assertion')) {
    refuse('encryption', 'The encrypted assertion does not contain an assertion.');
  }
  if (descendantElements(assertion, SAML_ASSERTION_NS, 'Assertion').length > 0) {
    refuse('signature', 'The encrypted assertion nests another assertion.');
  }
  if (!trust.allowSha1 && signsWithSha1(assertion)) {
    refuse('sha1', 'The assertion is signed with SHA-1, which this connection does not allow.');
  }
}

async function verifiedAssertionXml(samlResponse: string, trust: SamlTrust): Promise<string> {
  const saml = new SAML({
    callbackUrl: trust.acsUrl,
    issuer: trust.spEntityId,
    audience: trust.spEntityId,
    idpCert:
      trust.certificates.length > 0
        ? trust.certificates
        : refuse('signature', 'No certificate is configured.'),
    decryptionPvk: trust.spPrivateKeyPem,
    acceptedClockSkewMs: SAML_CLOCK_SKEW_MS,
    // A signature over either the Response or the Assertion suffices (Entra signs the assertion by
    // default, "sign response" is an option); node-saml still refuses when neither is signed.
    wantAuthnResponseSigned: false,
    wantAssertionsSigned: false,
    validateInResponseTo: ValidateInResponseTo.never,
  });
  let result: Awaited<ReturnType<SAML['validatePostResponseAsync']>>;
  try {
    result = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse });
  } catch (error) {
    throw refusalFromNodeSaml(error);
  }
  const assertionXml = result.profile?.getAssertionXml?.();
  if (!assertionXml) refuse('malformed', 'The response carries no assertion.');
  return assertionXml;
}

function acceptedAssertion(
  response: Element,
  assertion: ReturnType<typeof readVerifiedAssertion>,
  trust: SamlTrust,
  now: Date,
): ValidatedAssertion {
  const responseIssuer = text(firstChild(response, SAML_ASSERTION_NS, 'Issuer'));
  if (
    assertion.issuer !== trust.idpEntityId ||
    (responseIssuer !== null && responseIssuer !== trust.idpEntityId)
  ) {
    refuse('issuer', 'The assertion was issued by another identity provider.');
  }
  const destination = attribute(response, 'Destination');
  if (destination !== null && destination !== trust.acsUrl) {
    refuse('destination', 'The response is addressed to another Assertion Consumer Service.');
  }
  if (!assertion.nameId) refuse('subject', 'The assertion has no NameID.');
  if (assertion.nameIdFormat === TRANSIENT) {
    refuse(
      'subject',
      'The NameID is transient; configure a persistent or email NameID at the IdP.',
    );
  }
  const confirmation = bearerConfirmationFor(assertion.bearerConfirmations, trust.acsUrl, now);
  const responseInResponseTo = attribute(response, 'InResponseTo');
  if (
    responseInResponseTo !== null &&
    confirmation.inResponseTo !== null &&
    responseInResponseTo !== confirmation.inResponseTo
  ) {
    refuse('in_response_to_mismatch', 'The Response and its assertion answer different requests.');
  }
  const until = [assertion.conditionsNotOnOrAfter, confirmation.notOnOrAfter]
    .filter((date): date is Date => date !== null)
    .reduce((earliest, date) => (date < earliest ? date : earliest));
  return {
    assertionId: assertion.id,
    acceptableUntil: new Date(until.getTime() + SAML_CLOCK_SKEW_MS),
    inResponseTo: confirmation.inResponseTo ?? responseInResponseTo,
    issuer: trust.idpEntityId,
    nameId: assertion.nameId,
    nameIdFormat: assertion.nameIdFormat,
    attributes: assertion.attributes,
  };
}

// SAML 2.0 Web Browser SSO profile §4.1.4.2: a bearer SubjectConfirmationData with our ACS as
// Recipient and a NotOnOrAfter. node-saml only looks at it when it validates InResponseTo itself.
function bearerConfirmationFor(
  confirmations: BearerConfirmation[],
  acsUrl: string,
  now: Date,
): BearerConfirmation & { notOnOrAfter: Date } {
  const confirmation = confirmations.find((candidate) => candidate.recipient === acsUrl);
  if (!confirmation) {
    refuse('recipient', 'No bearer SubjectConfirmation names this Assertion Consumer Service.');
  }
  const { notBefore, notOnOrAfter } = confirmation;
  if (notBefore && notBefore.getTime() > now.getTime() + SAML_CLOCK_SKEW_MS) {
    refuse('not_yet_valid', 'The assertion is not valid yet.');
  }
  if (!notOnOrAfter) refuse('expired', 'The bearer SubjectConfirmationData has no NotOnOrAfter.');
  if (now.getTime() - SAML_CLOCK_SKEW_MS >= notOnOrAfter.getTime()) {
    refuse('expired', 'The assertion has expired.');
  }
  return { ...confirmation, notOnOrAfter };
}

function refuse(reason: SamlRefusal, message: string): never {
  throw new SamlValidationError(reason, message);
}
