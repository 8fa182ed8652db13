import {
  samlRejectionMessage,
  type SamlServiceProviderValues,
} from '../../../components/saml-rejection.format';

// Where every SSO sign-in refusal lands (`/signin?error=<code>`), whichever provider it was:
// Microsoft, the organization's own OpenID Connect provider or its SAML identity provider.
// So the words stay neutral.
const MESSAGES: Record<string, string> = {
  account_deactivated:
    'Your account is deactivated in your organization’s directory. Ask your administrator to restore it.',
  not_provisioned:
    'There is no Rollcall account for you in this organization yet. Ask your administrator to give you access (in Microsoft Entra ID: assign you to the Rollcall app).',
  tenant_not_connected:
    'Your Microsoft organization is not connected to Rollcall. An administrator connects it under Single Sign-On.',
  state_invalid:
    'The sign-in took too long or was started in another browser. Start single sign-on again.',
  token_invalid: 'Your identity provider’s answer could not be verified. Try signing in again.',
  identity_conflict:
    'Your Rollcall account is linked to a different sign-in account. Sign in with the account you used before; if that is not possible, ask your administrator. This attempt was recorded.',
  not_configured: 'Microsoft sign-in is not configured on this server.',
  provider_unavailable: 'Your identity provider could not be reached. Try again in a moment.',
  provider_not_found:
    'This organization has no single sign-on provider any more. Sign in with your password, or ask your administrator.',
  sso_required: ssoRequiredMessage(null),
};

/**
 * The message for `/signin?error=<code>`, where single sign-on refusals land; a refused SAML
 * response adds `&reason=<reason>`, and the org's SAML settings name the values to fix.
 */
export function signInErrorMessage(
  code: string | null,
  reason: string | null = null,
  serviceProvider: SamlServiceProviderValues | null = null,
): string | null {
  if (code === null || code === '') return null;
  if (code === 'saml_rejected') return samlRejectionMessage(reason, serviceProvider);
  return MESSAGES[code] ?? 'Single sign-on did not work. Try again.';
}

/**
 * A password refused because the organization requires single sign-on (403 `SSO_REQUIRED`):
 * point at the button that works, or at the way to find it.
 */
export function ssoRequiredMessage(providerButton: string | null): string {
  return providerButton
    ? `Your organization requires single sign-on: passwords are turned off. Use “${providerButton}” instead.`
    : 'Your organization requires single sign-on: passwords are turned off. Choose “Use single sign-on” below and enter your organization to find its sign-in button.';
}
