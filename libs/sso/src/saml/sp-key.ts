import { generate } from 'selfsigned';

const TEN_YEARS_MS = 10 * 365.25 * 24 * 60 * 60_000;

/** A new RSA-2048 key and self-signed SHA-256 certificate (CN = the given name, 10 years) for assertion encryption. */
export async function generateServiceProviderKey(
  commonName: string,
): Promise<{ privateKeyPem: string; certificatePem: string }> {
  const notBeforeDate = new Date();
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + TEN_YEARS_MS),
  });
  return { privateKeyPem: pems.private, certificatePem: pems.cert };
}
