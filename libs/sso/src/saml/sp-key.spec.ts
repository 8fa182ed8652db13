import { X509Certificate, createPrivateKey } from 'node:crypto';
import { generateServiceProviderKey } from './sp-key';

describe('generateServiceProviderKey', () => {
  it('makes an RSA-2048 key and a matching self-signed certificate named as asked', async () => {
    const { privateKeyPem, certificatePem } =
      await generateServiceProviderKey('org_1.rollcall.example');
    const privateKey = createPrivateKey(privateKeyPem);
    const certificate = new X509Certificate(certificatePem);
    expect(privateKey.asymmetricKeyType).toBe('rsa');
    expect(privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(certificate.checkPrivateKey(privateKey)).toBe(true);
    expect(certificate.subject).toBe('CN=org_1.rollcall.example');
    expect(certificate.verify(certificate.publicKey)).toBe(true);
  });

  it('makes a different key every time', async () => {
    const [a, b] = await Promise.all([
      generateServiceProviderKey('a'),
      generateServiceProviderKey('a'),
    ]);
    expect(a.privateKeyPem).not.toBe(b.privateKeyPem);
  });
});
