import {
  SAML_ASSERTION_NS,
  attribute,
  childElements,
  firstChild,
  parseXmlStrictly,
  text,
} from './saml-xml';
import { SamlValidationError } from './saml-validation.error';

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

/** What we read from the assertion node-saml verified (never from the posted document). */
export interface VerifiedAssertionFacts {
  id: string;
  issuer: string | null;
  nameId: string | null;
  nameIdFormat: string | null;
  bearerConfirmations: BearerConfirmation[];
  conditionsNotOnOrAfter: Date | null;
  attributes: Record<string, string[]>;
}

export interface BearerConfirmation {
  recipient: string | null;
  inResponseTo: string | null;
  notBefore: Date | null;
  notOnOrAfter: Date | null;
}

export function readVerifiedAssertion(assertionXml: string): VerifiedAssertionFacts {
  const assertion = parseXmlStrictly(assertionXml)?.documentElement;
  const id = assertion ? attribute(assertion, 'ID') : null;
  if (!assertion || assertion.localName !== 'Assertion' || !id) {
    throw new SamlValidationError('malformed', 'The verified assertion has no ID.');
  }
  const subject = firstChild(assertion, SAML_ASSERTION_NS, 'Subject');
  const nameId = subject ? firstChild(subject, SAML_ASSERTION_NS, 'NameID') : null;
  const conditions = firstChild(assertion, SAML_ASSERTION_NS, 'Conditions');
  return {
    id,
    issuer: text(firstChild(assertion, SAML_ASSERTION_NS, 'Issuer')),
    nameId: text(nameId),
    nameIdFormat: nameId ? attribute(nameId, 'Format') : null,
    bearerConfirmations: subject ? bearerConfirmations(subject) : [],
    conditionsNotOnOrAfter: conditions ? date(attribute(conditions, 'NotOnOrAfter')) : null,
    attributes: attributes(assertion),
  };
}

function bearerConfirmations(subject: Element): BearerConfirmation[] {
  return childElements(subject, SAML_ASSERTION_NS, 'SubjectConfirmation')
    .filter((confirmation) => attribute(confirmation, 'Method') === BEARER)
    .map((confirmation) => {
      const data = firstChild(confirmation, SAML_ASSERTION_NS, 'SubjectConfirmationData');
      return {
        recipient: data ? attribute(data, 'Recipient') : null,
        inResponseTo: data ? attribute(data, 'InResponseTo') : null,
        notBefore: data ? date(attribute(data, 'NotBefore')) : null,
        notOnOrAfter: data ? date(attribute(data, 'NotOnOrAfter')) : null,
      };
    });
}

function attributes(assertion: Element): Record<string, string[]> {
  // A null prototype: an attribute named "__proto__" or "constructor" is just a name.
  const values: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const statement of childElements(assertion, SAML_ASSERTION_NS, 'AttributeStatement')) {
    for (const element of childElements(statement, SAML_ASSERTION_NS, 'Attribute')) {
      const name = attribute(element, 'Name');
      if (!name) continue;
      const asserted = childElements(element, SAML_ASSERTION_NS, 'AttributeValue').map((value) =>
        (value.textContent ?? '').trim(),
      );
      values[name] = [...(values[name] ?? []), ...asserted];
    }
  }
  return values;
}

function date(value: string | null): Date | null {
  if (value === null) return null;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) {
    throw new SamlValidationError(
      'malformed',
      'A date in the assertion is not a valid xs:dateTime.',
    );
  }
  return new Date(parsed);
}
