import { XMLDSIG_NS, descendantElements, attribute } from './saml-xml';

// Only algorithms of an XML signature count: rsa-oaep-mgf1p's own DigestMethod (SHA-1 inside the
// OAEP padding of an EncryptedKey) is not a signature and stays allowed.
const SHA1_ALGORITHM = /[#-]sha1$/i;

/** Whether any ds:SignedInfo in this node uses a SHA-1 SignatureMethod or DigestMethod. */
export function signsWithSha1(root: Node): boolean {
  return descendantElements(root, XMLDSIG_NS, 'SignedInfo').some((signedInfo) =>
    [
      ...descendantElements(signedInfo, XMLDSIG_NS, 'SignatureMethod'),
      ...descendantElements(signedInfo, XMLDSIG_NS, 'DigestMethod'),
    ].some((method) => SHA1_ALGORITHM.test(attribute(method, 'Algorithm') ?? '')),
  );
}
