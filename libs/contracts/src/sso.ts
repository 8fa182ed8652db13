/** The kinds of sign-in provider an organization can connect, behind one sign-in use case. */
export const SSO_PROVIDER_KINDS = ['microsoft', 'oidc', 'saml'] as const;
export type SsoProviderKind = (typeof SSO_PROVIDER_KINDS)[number];

/** How each kind is named to people (log lines, messages). */
export const SSO_PROVIDER_NAMES: Record<SsoProviderKind, string> = {
  microsoft: 'Microsoft Entra ID',
  oidc: 'the OIDC provider',
  saml: 'the SAML identity provider',
};

/** The org's connected Microsoft Entra tenant. */
export interface MicrosoftConnectionView {
  /** The Entra tenant id (`tid`). */
  tenantId: string;
  /** E-mail of the admin who connected it. */
  connectedBy: string;
  /** ISO 8601. */
  connectedAt: string;
}

/**
 * The org's custom OpenID Connect provider (Okta, Google Workspace, Keycloak, …). The client
 * secret is stored encrypted and never returned.
 */
export interface OidcProviderView {
  /** Shown on the sign-in button: "Sign in with {displayName}". */
  displayName: string;
  /** The issuer URL; its `/.well-known/openid-configuration` was fetched when saved. */
  issuer: string;
  clientId: string;
  /** The redirect URI to register at the provider (one for every org). */
  redirectUri: string;
  /** The org's own sign-in link, which starts the OIDC round trip with this provider. */
  signInUrl: string;
  /** ISO 8601. */
  updatedAt: string;
  /** E-mail of the admin who last saved it. */
  updatedBy: string;
}

/** `PUT /api/sso/oidc`: creates or replaces the custom provider. */
export interface SaveOidcProviderRequest {
  /** 1 to 60 characters. */
  displayName: string;
  /** https (http only for 127.0.0.1/localhost); discovery must succeed and name this issuer. */
  issuer: string;
  clientId: string;
  /** Required when creating; omitted on an update keeps the stored secret. */
  clientSecret?: string;
}

/** The org's sign-in rules. */
export interface SsoPolicyView {
  /**
   * Passwords are refused on the dashboard, except for break-glass admins (the organization's
   * first admin), so an IdP outage cannot lock the org out. Needs a connected provider.
   */
  requireSso: boolean;
  /**
   * Just-in-time creation of an unknown person who signs in through the org's provider.
   * `null` = the default: on while provisioning (SCIM) is off, off while it is on.
   */
  jitProvisioning: boolean | null;
  /** What applies now: the default resolved, and at least one JIT domain listed. */
  jitEffective: boolean;
  /**
   * The org's own e-mail domains (lower-case, e.g. `contoso.com`). A person is created just in
   * time only with a verified e-mail address in one of them, which becomes their userName.
   * Empty: nobody is created just in time.
   */
  jitDomains: string[];
  /**
   * The org's Entra provisioning maps `objectId` to SCIM `externalId` (Entra's default maps
   * `mailNickname` there), so a Microsoft sign-in's `oid` may match a user's externalId.
   */
  externalIdIsObjectId: boolean;
  /**
   * Password sign-ins need a TOTP code; an admin without one enrols before the session opens.
   * Single sign-on is exempt: the identity provider does MFA.
   */
  requireTwoFactor: boolean;
}

/** `PATCH /api/sso/policy`: only what is sent changes. */
export interface UpdateSsoPolicyRequest {
  requireSso?: boolean;
  jitProvisioning?: boolean | null;
  /** Replaces the list; domain names only (no wildcard, no `@`), at most 50. */
  jitDomains?: string[];
  externalIdIsObjectId?: boolean;
  requireTwoFactor?: boolean;
}

/** A sign-in account the signed-in admin linked: SSO opens their dashboard session only then. */
export interface AdminAccountLinkView {
  /** The UPN or e-mail the provider stated when it was linked. */
  account: string;
  /** ISO 8601. */
  linkedAt: string;
}

/** `POST /api/sso/microsoft/link`, `POST /api/sso/oidc/link`: where to send the browser. */
export interface AccountLinkStartView {
  authorizationUrl: string;
}

/** `GET /api/sso` */
export interface SsoStatusView {
  /** The server has an Entra app configured (ENTRA_CLIENT_ID, ENTRA_CLIENT_SECRET); else Connect cannot work. */
  microsoftConfigured: boolean;
  /** The connected tenant, or null. */
  microsoft: MicrosoftConnectionView | null;
  /** The custom OIDC provider, or null. */
  oidc: OidcProviderView | null;
  /** The redirect URI a custom provider must allow, shown before one is saved. */
  oidcRedirectUri: string;
  /** The org's SAML identity provider, or null. */
  saml: SamlConnectionView | null;
  /** What the SAML identity provider needs from us, shown before one is saved. */
  samlServiceProvider: SamlServiceProviderView;
  policy: SsoPolicyView;
  /**
   * The signed-in admin's own linked accounts, for the connected tenant and the current custom
   * provider (a link to an earlier tenant or issuer does not count).
   */
  myLinks: Record<SsoProviderKind, AdminAccountLinkView | null>;
}

/** `GET /api/auth/providers` (public): the sign-in page offers what the server can do. */
export interface SignInProvidersView {
  microsoft: boolean;
}

/**
 * `GET /api/auth/providers/{orgSlug}` (public): an org's own sign-in page
 * (`/login?org={slug}`) shows its custom provider's button.
 */
export interface OrganizationSignInView {
  organization: { name: string; slug: string };
  microsoft: boolean;
  /** The custom provider's button label and the link that starts its round trip. */
  oidc: { displayName: string; signInUrl: string } | null;
  /** The link that starts an SP-initiated SAML sign-in with the org's identity provider. */
  saml: { signInUrl: string } | null;
  requireSso: boolean;
}

/** A signing certificate of the SAML identity provider. */
export interface SamlCertificateView {
  /** SHA-256 of the DER, upper-case hex pairs joined by `:` (what Entra and Okta show). */
  fingerprintSha256: string;
  /** The certificate's subject, e.g. `CN=Microsoft Azure Federated SSO Certificate`. */
  subject: string;
  /** ISO 8601. */
  notBefore: string;
  /** ISO 8601. */
  notAfter: string;
  /** `expiring`: within 30 days of `notAfter`. */
  status: 'valid' | 'expiring' | 'expired' | 'not_yet_valid';
  /** Whole days until `notAfter` (negative once expired). */
  daysUntilExpiry: number;
}

/**
 * What the identity provider needs from Rollcall, shaped like Entra's "Basic SAML
 * Configuration"; every value is fixed for the org and copyable.
 */
export interface SamlServiceProviderView {
  /** Identifier (Entity ID): `PUBLIC_URL/saml/<orgSlug>`. */
  entityId: string;
  /** Reply URL (Assertion Consumer Service URL), HTTP-POST: `PUBLIC_URL/saml/<orgSlug>/acs`. */
  acsUrl: string;
  /** Sign-on URL: `PUBLIC_URL/sign-in?org=<orgSlug>`. */
  signOnUrl: string;
  /** The SP metadata XML: `PUBLIC_URL/saml/<orgSlug>/metadata`. */
  metadataUrl: string;
  /** PEM of the certificate an IdP encrypts assertions to (also in the metadata). */
  encryptionCertificate: string;
}

/** How the identity provider's settings were given. */
export type SamlConfigurationSource = 'metadata_url' | 'metadata_xml' | 'manual';

/** The org's SAML identity provider (Entra gallery-style app, Okta, PingFederate, ADFS, …). */
export interface SamlConnectionView {
  source: SamlConfigurationSource;
  /** The App Federation Metadata URL, re-read daily (certificate rollover needs no action). */
  metadataUrl: string | null;
  /** The IdP's entity id: the `Issuer` of every response. */
  idpEntityId: string;
  /** Where SP-initiated sign-in sends the AuthnRequest (HTTP-Redirect binding). */
  ssoUrl: string;
  /** Every signing certificate accepted now, for rollover. */
  certificates: SamlCertificateView[];
  /** SHA-1 signatures are refused unless this is set. */
  allowSha1: boolean;
  /** ISO 8601: the last successful read of `metadataUrl`. */
  metadataRefreshedAt: string | null;
  /** Why the last daily re-read failed, if it did (the stored settings stay in use). */
  metadataRefreshError: string | null;
  /** The link that starts an SP-initiated sign-in: `PUBLIC_URL/api/auth/saml/<orgSlug>`. */
  signInUrl: string;
  /** ISO 8601. */
  updatedAt: string;
  /** E-mail of the admin who last saved it. */
  updatedBy: string;
}

/**
 * `PUT /api/sso/saml`: exactly one of `metadataUrl`, `metadataXml`, or the manual fields
 * (`idpEntityId`, `ssoUrl`, `certificates`).
 */
export interface SaveSamlConnectionRequest {
  /** https (http only for loopback with ALLOW_PRIVATE_NETWORK): fetched now and daily. */
  metadataUrl?: string;
  /** The IdP's metadata document (Entra's "Federation Metadata XML"), at most 512 KB. */
  metadataXml?: string;
  idpEntityId?: string;
  /** https. */
  ssoUrl?: string;
  /** PEM or bare base64 DER; one to five. Left out on an update: the stored ones stay. */
  certificates?: string[];
  /** Accept SHA-1 signatures (old ADFS/PingFederate setups). Default false. */
  allowSha1?: boolean;
}
