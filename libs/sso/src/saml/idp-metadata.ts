import { normalizeCertificate } from './certificates';
import { SamlMetadataError } from './saml-metadata.error';
import {
  SAML_METADATA_NS,
  SAML_PROTOCOL_NS,
  XMLDSIG_NS,
  attribute,
  childElements,
  descendantElements,
  hasDoctype,
  is,
  parseXmlStrictly,
  text,
} from './saml-xml';

export { SamlMetadataError } from './saml-metadata.error';

export interface IdpMetadata {
  entityId: string;
  ssoUrl: string;
  /** PEM, deduplicated; from signing or use-less KeyDescriptors only. */
  certificates: string[];
}

const MAX_METADATA_BYTES = 512 * 1024;
const REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const POST_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

/**
 * Parses IdP metadata (EntityDescriptor, or EntitiesDescriptor with exactly one IDPSSODescriptor
 * entity). Entra's Federation Metadata XML starts with a Signature and WS-Federation
 * RoleDescriptors before the IDPSSODescriptor: only the SAML 2.0 IDPSSODescriptor is read, and the
 * metadata signature is not checked (the admin pastes or uploads it over an authenticated channel).
 */
export function parseIdpMetadata(xml: string): IdpMetadata {
  if (typeof xml !== 'string' || xml.trim() === '') {
    throw new SamlMetadataError('The metadata is empty.');
  }
  if (Buffer.byteLength(xml, 'utf8') > MAX_METADATA_BYTES) {
    throw new SamlMetadataError('The metadata is larger than 512 KiB.');
  }
  if (hasDoctype(xml)) {
    throw new SamlMetadataError('The metadata contains a DOCTYPE, which is not allowed.');
  }
  const document = parseXmlStrictly(xml);
  if (!document) throw new SamlMetadataError('The metadata is not well-formed XML.');
  const entity = identityProviderEntity(document.documentElement);
  const entityId = attribute(entity, 'entityID')?.trim();
  if (!entityId) throw new SamlMetadataError('The EntityDescriptor has no entityID.');
  const idp = saml2IdpDescriptor(entity);
  return { entityId, ssoUrl: singleSignOnUrl(idp), certificates: signingCertificates(idp) };
}

function identityProviderEntity(root: Element): Element {
  if (is(root, SAML_METADATA_NS, 'EntityDescriptor')) return root;
  if (!is(root, SAML_METADATA_NS, 'EntitiesDescriptor')) {
    throw new SamlMetadataError('The document is not SAML 2.0 metadata (no EntityDescriptor).');
  }
  const idps = descendantElements(root, SAML_METADATA_NS, 'EntityDescriptor').filter(
    (entity) => childElements(entity, SAML_METADATA_NS, 'IDPSSODescriptor').length > 0,
  );
  const [only, ...others] = idps;
  if (!only)
    throw new SamlMetadataError(
      'The metadata describes no identity provider (no IDPSSODescriptor).',
    );
  if (others.length > 0) {
    throw new SamlMetadataError(
      `The metadata describes ${idps.length} identity providers; paste the metadata of exactly one.`,
    );
  }
  return only;
}

function saml2IdpDescriptor(entity: Element): Element {
  const descriptor = childElements(entity, SAML_METADATA_NS, 'IDPSSODescriptor').find((idp) =>
    (attribute(idp, 'protocolSupportEnumeration') ?? '').split(/\s+/).includes(SAML_PROTOCOL_NS),
  );
  if (!descriptor) {
    throw new SamlMetadataError('The metadata has no SAML 2.0 IDPSSODescriptor.');
  }
  return descriptor;
}

function singleSignOnUrl(idp: Element): string {
  const services = childElements(idp, SAML_METADATA_NS, 'SingleSignOnService');
  const byBinding = (binding: string): string | null =>
    services
      .map((s) => (attribute(s, 'Binding') === binding ? attribute(s, 'Location') : null))
      .find(Boolean) ?? null;
  const location = byBinding(REDIRECT_BINDING) ?? byBinding(POST_BINDING);
  if (!location) {
    throw new SamlMetadataError('The IdP has no HTTP-Redirect or HTTP-POST SingleSignOnService.');
  }
  let url: URL;
  try {
    url = new URL(location.trim());
  } catch {
    throw new SamlMetadataError('The SingleSignOnService Location is not a URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SamlMetadataError('The SingleSignOnService Location is not an http(s) URL.');
  }
  return url.toString();
}

function signingCertificates(idp: Element): string[] {
  const pems = new Set<string>();
  for (const keyDescriptor of childElements(idp, SAML_METADATA_NS, 'KeyDescriptor')) {
    const use = attribute(keyDescriptor, 'use');
    if (use !== null && use !== 'signing') continue;
    for (const keyInfo of childElements(keyDescriptor, XMLDSIG_NS, 'KeyInfo')) {
      for (const data of childElements(keyInfo, XMLDSIG_NS, 'X509Data')) {
        for (const certificate of childElements(data, XMLDSIG_NS, 'X509Certificate')) {
          const value = text(certificate);
          if (value) pems.add(normalizeCertificate(value));
        }
      }
    }
  }
  if (pems.size === 0)
    throw new SamlMetadataError('The IdP metadata lists no signing certificate.');
  return [...pems];
}
