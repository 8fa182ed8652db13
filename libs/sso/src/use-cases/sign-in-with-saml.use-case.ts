import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { OrganizationLookup } from '@rollcall/organizations';
import type { AccountLinkOutcome } from '../domain/account-link-outcome';
import { samlServiceProviderUrls } from '../domain/saml-connection';
import { samlIdentity } from '../domain/saml-identity';
import type { SamlRequest } from '../domain/saml-request';
import { SamlSignInRefused, SsoError } from '../domain/sso.error';
import { AdminIdentityStore } from '../persistence/admin-identity.store';
import { SamlAssertionStore } from '../persistence/saml-assertion.store';
import { SamlConnectionStore } from '../persistence/saml-connection.store';
import { SamlRequestStore } from '../persistence/saml-request.store';
import { SamlValidationError, validateSamlResponse, type ValidatedAssertion } from '../saml';
import { SamlTrustResolver } from '../saml-sp/saml-trust.resolver';
import { SignInFederatedIdentity, type SsoSignIn } from './sign-in-federated-identity.use-case';

export interface SignInWithSamlCommand {
  organizationSlug: string;
  /** The posted `SAMLResponse`, as received: anything. */
  samlResponse: unknown;
  publicUrl: string;
  ipAddress: string | null;
  userAgent: string | null;
  previousSessionSecret: string | null;
}

const MAX_ASSERTION_ID_LENGTH = 256;

/**
 * The org's ACS: a response the org's IdP signed, for our entity id and ACS, in its validity
 * window (see validateSamlResponse). One that answers an AuthnRequest (SP-initiated) must name
 * a request of this org that is still open, which it closes; one that answers none is
 * IdP-initiated (Entra's Test button, My Apps). Either way its assertion is accepted once. Then
 * the person signs in like with any provider, or, for "Link my account", is linked to the
 * admin who started the request.
 */
@Injectable()
export class SignInWithSaml {
  constructor(
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationLookup,
    private readonly connections: SamlConnectionStore,
    private readonly requests: SamlRequestStore,
    private readonly assertions: SamlAssertionStore,
    private readonly trust: SamlTrustResolver,
    private readonly signIn: SignInFederatedIdentity,
    private readonly adminIdentities: AdminIdentityStore,
  ) {}

  async execute(command: SignInWithSamlCommand): Promise<SsoSignIn | AccountLinkOutcome> {
    const organization = await this.organizations.findBySlug(command.organizationSlug);
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
    const assertion = await validated(organization.id, command.samlResponse, trust);
    const request = await this.answeredRequest(organization.id, assertion);
    await this.acceptOnce(organization.id, assertion);
    const identity = samlIdentity(assertion, connection.idpEntityId);
    if (request?.purpose === 'saml_link') {
      try {
        await this.transactions.run((tx) =>
          this.adminIdentities.link(
            tx,
            { id: request.adminId ?? '', organizationId: organization.id },
            identity,
          ),
        );
        return { kind: 'linked', provider: 'saml' };
      } catch (error) {
        if (error instanceof SsoError) return { kind: 'link_refused', error };
        throw error;
      }
    }
    return this.signIn.execute({
      organizationId: organization.id,
      identity,
      ipAddress: command.ipAddress,
      userAgent: command.userAgent,
      previousSessionSecret: command.previousSessionSecret,
    });
  }

  /** The open request this response answers, now closed; null when IdP-initiated. */
  private async answeredRequest(
    organizationId: string,
    assertion: ValidatedAssertion,
  ): Promise<SamlRequest | null> {
    if (assertion.inResponseTo === null) return null;
    const request = await this.requests.take(organizationId, assertion.inResponseTo);
    if (!request) {
      throw new SamlSignInRefused(
        organizationId,
        'request_unknown',
        'This sign-in answers a request that is unknown, already used or expired. Start again.',
      );
    }
    return request;
  }

  private async acceptOnce(organizationId: string, assertion: ValidatedAssertion): Promise<void> {
    const first =
      assertion.assertionId.length <= MAX_ASSERTION_ID_LENGTH &&
      (await this.assertions.remember(
        organizationId,
        assertion.assertionId,
        assertion.acceptableUntil,
      ));
    if (!first) {
      throw new SamlSignInRefused(
        organizationId,
        'replayed',
        'This sign-in response was already used. Start the sign-in again.',
      );
    }
  }
}

async function validated(
  organizationId: string,
  samlResponse: unknown,
  trust: Parameters<typeof validateSamlResponse>[1],
): Promise<ValidatedAssertion> {
  try {
    return await validateSamlResponse(samlResponse, trust);
  } catch (error) {
    if (error instanceof SamlValidationError) {
      throw new SamlSignInRefused(organizationId, error.reason, error.message);
    }
    throw error;
  }
}
