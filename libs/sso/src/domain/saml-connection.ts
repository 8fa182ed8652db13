import type { SamlConfigurationSource } from '@rollcall/contracts';

export type { SamlConfigurationSource };

/** An organization's SAML identity provider as stored (at most one per org). */
export interface StoredSamlConnection {
  id: string;
  organizationId: string;
  source: SamlConfigurationSource;
  /** The App Federation Metadata URL, re-read daily; null when given as XML or by hand. */
  metadataUrl: string | null;
  idpEntityId: string;
  ssoUrl: string;
  /** PEM; any one of them may sign (rollover). */
  certificates: string[];
  allowSha1: boolean;
  metadataRefreshedAt: Date | null;
  metadataRefreshError: string | null;
  updatedByAdminId: string | null;
  updatedByEmail: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What the IdP's metadata (or the admin, by hand) says about it. */
export interface SamlIdpSettings {
  idpEntityId: string;
  ssoUrl: string;
  certificates: string[];
}

/** The org's own service-provider key pair: the IdP may encrypt assertions to its certificate. */
export interface SamlServiceProviderKey {
  organizationId: string;
  /** SecretBox-sealed with the org id as context; never returned, never logged. */
  privateKeySealed: string;
  certificate: string;
  createdAt: Date;
}

/** Where an org's SAML endpoints live, all under PUBLIC_URL (Entra's Basic SAML Configuration). */
export interface SamlServiceProviderUrls {
  entityId: string;
  acsUrl: string;
  signOnUrl: string;
  metadataUrl: string;
  signInUrl: string;
}

export function samlServiceProviderUrls(publicUrl: string, slug: string): SamlServiceProviderUrls {
  const base = publicUrl.replace(/\/+$/, '');
  const org = encodeURIComponent(slug);
  return {
    entityId: `${base}/saml/${org}`,
    acsUrl: `${base}/saml/${org}/acs`,
    signOnUrl: `${base}/sign-in?org=${org}`,
    metadataUrl: `${base}/saml/${org}/metadata`,
    signInUrl: `${base}/api/auth/saml/${org}`,
  };
}

/** The settings that decide what is trusted: a change of them is an `sso.connected` event. */
export function sameIdpSettings(a: SamlIdpSettings, b: SamlIdpSettings): boolean {
  return (
    a.idpEntityId === b.idpEntityId &&
    a.ssoUrl === b.ssoUrl &&
    a.certificates.length === b.certificates.length &&
    a.certificates.every((certificate, i) => certificate === b.certificates[i])
  );
}
