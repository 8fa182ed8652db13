import { SSO_PROVIDER_KINDS, type SsoProviderKind } from '@rollcall/contracts';
import { samlRejectionMessage } from '../../../components/saml-rejection.format';

/** The flash the reference product shows after connecting Microsoft Entra. */
export const MICROSOFT_CONNECTED_FLASH =
  'Microsoft Entra ID single sign-on was successfully connected.';

const LINKED_MESSAGES: Record<SsoProviderKind, string> = {
  microsoft: 'Your Microsoft account is linked: Sign in with Microsoft now opens your dashboard.',
  oidc: 'Your account at your identity provider is linked: signing in with it now opens your dashboard.',
  saml: 'Your account at your SAML identity provider is linked: signing in with SAML SSO now opens your dashboard.',
};

const ERROR_MESSAGES: Record<string, string> = {
  tenant_taken:
    'This Microsoft Entra tenant is already connected to another organization. A tenant belongs to one organization only: ask that organization to disconnect it, or your Rollcall operator to release it.',
  admin_role_required:
    'Connecting needs an administrator of your Microsoft Entra tenant: sign in to Microsoft with an account that holds Global Administrator, Privileged Role Administrator, Application Administrator or Cloud Application Administrator. Nothing was connected.',
  tenant_not_connected:
    'That Microsoft account is not in the tenant your organization connected. Sign in to Microsoft with your account of the connected tenant.',
  identity_conflict:
    'That account is already linked to someone else in your organization. Sign in to your provider with your own account.',
  provider_not_found: 'Your organization has no custom OIDC provider any more.',
  state_invalid:
    'The sign-in to Microsoft took too long or was started in another browser. Try connecting again.',
  token_invalid:
    'Microsoft’s answer could not be verified, or you did not grant the permissions. Try connecting again.',
  not_configured:
    'Microsoft sign-in is not configured on this server. Ask the operator to set ENTRA_CLIENT_ID and ENTRA_CLIENT_SECRET.',
  provider_unavailable: 'Microsoft could not be reached. Try again in a moment.',
  unauthenticated: 'Your session ended during the round trip to Microsoft. Sign in and try again.',
};

function isProviderKind(value: string): value is SsoProviderKind {
  return (SSO_PROVIDER_KINDS as readonly string[]).includes(value);
}

export type ConnectResult =
  | { kind: 'connected'; message: string }
  | { kind: 'linked'; message: string }
  | { kind: 'error'; message: string }
  | null;

/**
 * What `/sso?connected=microsoft`, `/sso?linked=<provider>` or `/sso?error=<code>` (the
 * connect and link callbacks) should say.
 */
export function connectResult(search: string): ConnectResult {
  const params = new URLSearchParams(search);
  if (params.get('connected') === 'microsoft') {
    return { kind: 'connected', message: MICROSOFT_CONNECTED_FLASH };
  }
  const linked = params.get('linked') ?? '';
  if (isProviderKind(linked)) {
    return { kind: 'linked', message: LINKED_MESSAGES[linked] };
  }
  const code = params.get('error');
  if (code === null) return null;
  // A SAML response refused during "Link my account": the same reasons as on the sign-in page.
  if (code === 'saml_rejected') {
    return { kind: 'error', message: samlRejectionMessage(params.get('reason')) };
  }
  return {
    kind: 'error',
    message:
      ERROR_MESSAGES[code] ??
      `Microsoft Entra ID could not be connected (${code.slice(0, 40)}). Try again.`,
  };
}
