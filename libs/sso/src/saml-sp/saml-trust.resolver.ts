import { Injectable } from '@nestjs/common';
import { SecretBox } from '@rollcall/crypto';
import type {
  SamlServiceProviderKey,
  SamlServiceProviderUrls,
  StoredSamlConnection,
} from '../domain/saml-connection';
import { SamlServiceProviderStore } from '../persistence/saml-service-provider.store';
import { generateServiceProviderKey, type SamlTrust } from '../saml';

/**
 * Each organization's service-provider key (made on first use: the admin copies its
 * certificate before any IdP is configured) and what one of its SAML connections trusts.
 */
@Injectable()
export class SamlTrustResolver {
  constructor(
    private readonly keys: SamlServiceProviderStore,
    private readonly secretBox: SecretBox,
  ) {}

  /** The certificate an IdP may encrypt this org's assertions to (PEM). */
  async encryptionCertificate(organizationId: string): Promise<string> {
    return (await this.keyOf(organizationId)).certificate;
  }

  async trustFor(
    connection: StoredSamlConnection,
    urls: SamlServiceProviderUrls,
  ): Promise<SamlTrust> {
    const key = await this.keyOf(connection.organizationId);
    return {
      idpEntityId: connection.idpEntityId,
      ssoUrl: connection.ssoUrl,
      certificates: connection.certificates,
      allowSha1: connection.allowSha1,
      spEntityId: urls.entityId,
      acsUrl: urls.acsUrl,
      spPrivateKeyPem: this.secretBox.open(key.privateKeySealed, key.organizationId),
    };
  }

  private async keyOf(organizationId: string): Promise<SamlServiceProviderKey> {
    const stored = await this.keys.find(organizationId);
    if (stored) return stored;
    const generated = await generateServiceProviderKey(`Rollcall SAML ${organizationId}`);
    return this.keys.insertIfAbsent({
      organizationId,
      privateKeySealed: this.secretBox.seal(generated.privateKeyPem, organizationId),
      certificate: generated.certificatePem,
      createdAt: new Date(),
    });
  }
}
