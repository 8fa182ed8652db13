import { SignedXml } from 'xml-crypto';

export interface SigningKey {
  privateKeyPem: string;
  certificatePem: string;
}

export type SigningAlgorithm = 'sha256' | 'sha1';

const ALGORITHMS: Record<SigningAlgorithm, { signature: string; digest: string }> = {
  sha256: {
    signature: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    digest: 'http://www.w3.org/2001/04/xmlenc#sha256',
  },
  sha1: {
    signature: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
    digest: 'http://www.w3.org/2000/09/xmldsig#sha1',
  },
};
const EXCLUSIVE_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

/**
 * Signs the document element of `xml` the way Entra does: enveloped signature, exclusive c14n,
 * a reference to the element's ID, KeyInfo carrying the certificate. The Signature goes right
 * after the element's Issuer (schema order for Response and Assertion), or first when there is
 * no Issuer child (metadata).
 */
export function signDocumentElement(
  xml: string,
  key: SigningKey,
  algorithm: SigningAlgorithm,
): string {
  const signature = new SignedXml({
    privateKey: key.privateKeyPem,
    publicCert: key.certificatePem,
    signatureAlgorithm: ALGORITHMS[algorithm].signature,
    canonicalizationAlgorithm: EXCLUSIVE_C14N,
  });
  signature.addReference({
    xpath: '/*',
    digestAlgorithm: ALGORITHMS[algorithm].digest,
    transforms: [ENVELOPED, EXCLUSIVE_C14N],
  });
  const hasIssuer = /^<[^>]*>\s*<(\w+:)?Issuer[\s>]/.test(xml.replace(/^<\?xml[^>]*\?>\s*/, ''));
  signature.computeSignature(xml, {
    prefix: 'ds',
    location: hasIssuer
      ? { reference: "/*/*[local-name(.)='Issuer']", action: 'after' }
      : { reference: '/*', action: 'prepend' },
  });
  return signature.getSignedXml();
}
