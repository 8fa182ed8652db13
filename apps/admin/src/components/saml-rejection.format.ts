/** What the identity provider must be configured with, when the page knows it. */
export interface SamlServiceProviderValues {
  /** Identifier (Entity ID). */
  entityId: string;
  /** Reply URL (Assertion Consumer Service URL). */
  acsUrl: string;
}

/**
 * The SAML service provider values of an organization, as the API builds them
 * (`PUBLIC_URL/saml/<orgSlug>` and `…/acs`); the dashboard is served from PUBLIC_URL.
 */
export function samlServiceProviderValues(origin: string, slug: string): SamlServiceProviderValues {
  const entityId = `${origin.replace(/\/+$/, '')}/saml/${encodeURIComponent(slug)}`;
  return { entityId, acsUrl: `${entityId}/acs` };
}

const CLOCK =
  'The SAML response is outside its validity period. Check that the clocks of your identity provider and your device are right, then start again.';

const CHECK_SETTINGS = 'the SAML settings shown in Rollcall under Single Sign-On';

/**
 * Why Rollcall refused a SAML response (`error=saml_rejected&reason=<reason>`), with what to
 * fix: most refusals are a setting at the identity provider that does not match Rollcall's.
 */
export function samlRejectionMessage(
  reason: string | null,
  serviceProvider: SamlServiceProviderValues | null = null,
): string {
  const identifier = serviceProvider
    ? `“${serviceProvider.entityId}”`
    : `the Identifier (Entity ID) in ${CHECK_SETTINGS}`;
  const replyUrl = serviceProvider
    ? `“${serviceProvider.acsUrl}”`
    : `the Reply URL in ${CHECK_SETTINGS}`;
  const wrongAddress = `The SAML response was sent to the wrong address. The Reply URL (Assertion Consumer Service URL) in your identity provider must be ${replyUrl}.`;
  const messages: Record<string, string> = {
    signature:
      'The SAML response was not signed by a certificate configured in Rollcall. An administrator should re-read the identity provider’s metadata in Rollcall (or add its new signing certificate), then try again.',
    sha1: 'The identity provider signed the SAML response with SHA-1, which Rollcall refuses. Switch the signing algorithm to SHA-256 at the identity provider (in Entra: SAML Certificates → Signing Algorithm), or allow SHA-1 in Rollcall if it cannot be changed.',
    issuer:
      'The SAML response came from an identity provider other than the one configured in Rollcall (its Issuer does not match). Check that Rollcall has this app’s metadata.',
    audience: `The SAML response was meant for another application. The Identifier (Entity ID) in your identity provider must be ${identifier}.`,
    destination: wrongAddress,
    recipient: wrongAddress,
    expired: CLOCK,
    not_yet_valid: CLOCK,
    status:
      'Your identity provider refused the sign-in, for example because you are not assigned to the Rollcall app there. Ask your administrator to assign you, then try again.',
    replayed: 'This sign-in response was already used. Start again from the sign-in page.',
    request_unknown:
      'This sign-in was started too long ago, or in another browser. Start again from the sign-in page.',
    encryption:
      'The encrypted SAML assertion could not be decrypted. The identity provider must encrypt to Rollcall’s current encryption certificate (from Rollcall’s SAML settings or metadata), or not encrypt at all.',
    subject:
      'The SAML response did not say who you are (no usable NameID or e-mail). The identity provider must send the user’s name (user.userprincipalname in Entra, the username in Okta) as the NameID and an e-mail claim.',
    malformed:
      'The SAML response could not be read. Try again; if it keeps happening, ask your administrator to check the identity provider’s SAML app.',
  };
  const known = reason !== null && Object.hasOwn(messages, reason) ? messages[reason] : undefined;
  return (
    known ??
    'Rollcall could not accept the SAML response from your identity provider. Start again, or ask your administrator to check the SAML settings.'
  );
}
