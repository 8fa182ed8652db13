import type { SamlRefusal } from '../saml';
import type { SsoProviderKind } from '@rollcall/contracts';
export type SsoErrorCode =
  | 'INVALID_CREDENTIALS'
  | 'TOO_MANY_ATTEMPTS'
  | 'UNAUTHENTICATED'
  | 'CSRF_TOKEN_INVALID'
  /** ENTRA_CLIENT_ID / ENTRA_CLIENT_SECRET are not configured. */
  | 'SSO_NOT_CONFIGURED'
  /** Microsoft's discovery document could not be fetched. */
  | 'SSO_PROVIDER_UNAVAILABLE'
  /** The callback's `state` is unknown, used, expired, or not this browser's. */
  | 'SSO_STATE_INVALID'
  /** Microsoft answered with an error, or the code exchange or ID token failed validation. */
  | 'SSO_TOKEN_INVALID'
  | 'ENTRA_TENANT_TAKEN'
  | 'SSO_NOT_CONNECTED'
  | 'SSO_TENANT_NOT_CONNECTED'
  | 'SSO_ACCOUNT_DEACTIVATED'
  | 'SSO_ACCOUNT_NOT_PROVISIONED'
  /** The org requires single sign-on: its admins (but the break-glass one) cannot use passwords. */
  | 'SSO_REQUIRED'
  /** Require SSO needs a connected Microsoft tenant or a custom OIDC provider. */
  | 'SSO_PROVIDER_REQUIRED'
  /** The issuer is not an https URL (http only for localhost / 127.0.0.1). */
  | 'OIDC_ISSUER_INVALID'
  /** The issuer's discovery document could not be fetched or read. */
  | 'OIDC_DISCOVERY_FAILED'
  /** The discovery document names another issuer than the one entered. */
  | 'OIDC_ISSUER_MISMATCH'
  /** A new custom provider needs its client secret. */
  | 'OIDC_CLIENT_SECRET_REQUIRED'
  /** The organization has no custom OIDC provider. */
  | 'OIDC_PROVIDER_NOT_FOUND'
  /** No organization has this slug. */
  | 'SSO_ORGANIZATION_NOT_FOUND'
  /**
   * The identity's vouched address belongs to a user or admin already linked to another
   * account of the same provider: only (provider, issuer, subject) signs a linked person in.
   */
  | 'SSO_IDENTITY_CONFLICT'
  /** Connecting a tenant needs an Entra admin role in it (the ID token's `wids`). */
  | 'ENTRA_ADMIN_ROLE_REQUIRED'
  /** A just-in-time domain is not a domain name, or there are too many. */
  | 'JIT_DOMAIN_INVALID'
  /** The admin has no linked account of that provider. */
  | 'SSO_LINK_NOT_FOUND'
  /** The organization has no SAML identity provider configured. */
  | 'SAML_PROVIDER_NOT_FOUND'
  /** The IdP metadata, a certificate or a URL given for SAML is not usable; the message says why. */
  | 'SAML_METADATA_INVALID'
  /** The App Federation Metadata URL could not be fetched. */
  | 'SAML_METADATA_UNREACHABLE'
  /** A SAML response posted to the ACS was refused (see SamlSignInRefused.reason). */
  | 'SAML_RESPONSE_REJECTED'
  /** Changing the password or turning two-factor off: the current password is not right. */
  | 'CURRENT_PASSWORD_INCORRECT'
  /** The TOTP or recovery code is wrong, or was already used. */
  | 'TWO_FACTOR_CODE_INVALID'
  /** The second step's challenge is unknown, spent, expired or for the other step. */
  | 'TWO_FACTOR_CHALLENGE_INVALID'
  | 'TWO_FACTOR_ALREADY_ENABLED'
  | 'TWO_FACTOR_NOT_ENABLED'
  /** Confirming needs a pending secret from setup (the newest one). */
  | 'TWO_FACTOR_SETUP_NOT_STARTED';

/** A rule of sign-in or sessions was broken; each API edge maps the code to its own status. */
export class SsoError extends Error {
  constructor(
    readonly code: SsoErrorCode,
    message: string,
    /** For TOO_MANY_ATTEMPTS: whole seconds until an attempt is accepted again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'SsoError';
  }
}

export function currentPasswordIncorrect(): SsoError {
  return new SsoError('CURRENT_PASSWORD_INCORRECT', 'Your current password is incorrect.');
}

/** Who was refused, for the org's provisioning log (the admin sees the attempt there). */
export interface RefusedIdentity {
  organizationId: string;
  provider: SsoProviderKind;
  issuer: string;
  subject: string;
  /** The address the identity claimed. */
  claimed: string;
  /** The user it matched (null when it was an admin's address). */
  userId: string | null;
}

/** SSO_IDENTITY_CONFLICT with what the adapter records about the attempt. */
export class SsoIdentityConflict extends SsoError {
  constructor(readonly refused: RefusedIdentity) {
    super(
      'SSO_IDENTITY_CONFLICT',
      'This account is linked to a different sign-in. Use the account you signed in with before, or ask your administrator.',
    );
  }
}

/**
 * Why a SAML response was refused: a validation rule it broke, `replayed` (an assertion already
 * accepted), or `request_unknown` (it answers a request that is unknown, used or expired).
 */
export type SamlRejection = SamlRefusal | 'replayed' | 'request_unknown';

/** A SAML response the ACS refused; the sign-in page explains `reason` to the person. */
export class SamlSignInRefused extends SsoError {
  constructor(
    readonly organizationId: string,
    readonly reason: SamlRejection,
    message: string,
  ) {
    super('SAML_RESPONSE_REJECTED', message);
  }
}
