import { Injectable } from '@nestjs/common';
import { OrganizationLookup } from '@rollcall/organizations';
import { samlServiceProviderUrls } from '../domain/saml-connection';
import { SAML_REQUEST_LIFETIME_MS, type SamlRequestPurpose } from '../domain/saml-request';
import { SsoError } from '../domain/sso.error';
import { SamlConnectionStore } from '../persistence/saml-connection.store';
import { SamlRequestStore } from '../persistence/saml-request.store';
import { authnRequestUrl, newSamlRequestId } from '../saml';
import { SamlTrustResolver } from '../saml-sp/saml-trust.resolver';

export interface StartSamlCommand {
  publicUrl: string;
  purpose: SamlRequestPurpose;
  /** For `saml_sign_in`: the org's slug from the sign-in link. */
  organizationSlug?: string;
  /** For `saml_link`: the signed-in admin and their org. */
  admin?: { adminId: string; organizationId: string };
}

/**
 * SP-initiated sign-in (or "Link my account"): an AuthnRequest to the org's IdP over the
 * HTTP-Redirect binding. Its ID is kept server-side, bound to the org (and the admin for a
 * link), so the response that answers it is accepted once; nothing rides on a cookie the IdP's
 * cross-site POST back would not carry.
 */
@Injectable()
export class StartSamlSignIn {
  constructor(
    private readonly organizations: OrganizationLookup,
    private readonly connections: SamlConnectionStore,
    private readonly requests: SamlRequestStore,
    private readonly trust: SamlTrustResolver,
  ) {}

  async execute(command: StartSamlCommand): Promise<{ url: string }> {
    const organization = command.admin
      ? await this.organizations.find(command.admin.organizationId)
      : command.organizationSlug
        ? await this.organizations.findBySlug(command.organizationSlug)
        : null;
    const connection = organization && (await this.connections.find(organization.id));
    if (!organization || !connection) {
      throw new SsoError(
        'SAML_PROVIDER_NOT_FOUND',
        'This organization has no SAML identity provider configured.',
      );
    }
    const trust = await this.trust.trustFor(
      connection,
      samlServiceProviderUrls(command.publicUrl, organization.slug),
    );
    const id = newSamlRequestId();
    const now = new Date();
    await this.requests.save({
      id,
      organizationId: organization.id,
      purpose: command.purpose,
      adminId: command.admin?.adminId ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SAML_REQUEST_LIFETIME_MS),
    });
    return { url: await authnRequestUrl(trust, id, null) };
  }
}
