import { DOMParser } from '@xmldom/xmldom';

export const SAML_PROTOCOL_NS = 'urn:oasis:names:tc:SAML:2.0:protocol';
export const SAML_ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
export const SAML_METADATA_NS = 'urn:oasis:names:tc:SAML:2.0:metadata';
export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

// A DTD is the door to entity expansion (billion laughs) and external entities; no SAML
// message or metadata document needs one, so its mere presence is a refusal.
const DOCTYPE = /<!DOCTYPE|<!ENTITY/i;

export function hasDoctype(xml: string): boolean {
  return DOCTYPE.test(xml);
}

/** Parses XML strictly: any parser error or warning about well-formedness yields null. */
export function parseXmlStrictly(xml: string): Document | null {
  let failed = false;
  const onError = (): void => {
    failed = true;
  };
  try {
    const document = new DOMParser({
      locator: {},
      errorHandler: { warning: () => undefined, error: onError, fatalError: onError },
    }).parseFromString(xml, 'text/xml');
    if (failed || !document?.documentElement || document.doctype) return null;
    return document;
  } catch {
    return null;
  }
}

export function childElements(parent: Node, namespace: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (isElement(node) && node.namespaceURI === namespace && node.localName === localName) {
      found.push(node);
    }
  }
  return found;
}

export function descendantElements(root: Node, namespace: string, localName: string): Element[] {
  const found: Element[] = [];
  const visit = (parent: Node): void => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (!isElement(node)) continue;
      if (node.namespaceURI === namespace && node.localName === localName) found.push(node);
      visit(node);
    }
  };
  visit(root);
  return found;
}

export function firstChild(parent: Node, namespace: string, localName: string): Element | null {
  return childElements(parent, namespace, localName)[0] ?? null;
}

export function is(element: Element, namespace: string, localName: string): boolean {
  return element.namespaceURI === namespace && element.localName === localName;
}

export function attribute(element: Element, name: string): string | null {
  return element.hasAttribute(name) ? element.getAttribute(name) : null;
}

export function text(element: Element | null): string | null {
  if (!element) return null;
  const value = (element.textContent ?? '').trim();
  return value === '' ? null : value;
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}
