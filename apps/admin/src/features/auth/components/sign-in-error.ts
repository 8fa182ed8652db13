const MESSAGES: Record<string, string> = {
  account_deactivated:
    'Your account is deactivated in your organization’s directory. Ask your administrator to restore it.',
  not_provisioned:
    'Your Microsoft account has no Rollcall account in this organization yet. Ask your administrator to assign you to Rollcall in Microsoft Entra.',
  tenant_not_connected:
    'Your Microsoft organization is not connected to Rollcall. An administrator connects it under Single Sign-On.',
  state_invalid:
    'The sign-in took too long or was started in another browser. Try signing in with Microsoft again.',
  token_invalid: 'Microsoft’s answer could not be verified. Try signing in with Microsoft again.',
  not_configured: 'Microsoft sign-in is not configured on this server.',
  provider_unavailable: 'Microsoft could not be reached. Try again in a moment.',
};

/** The message for `/signin?error=<code>`, where Sign in with Microsoft's refusals land. */
export function signInErrorMessage(code: string | null): string | null {
  if (code === null || code === '') return null;
  return MESSAGES[code] ?? 'Signing in with Microsoft did not work. Try again.';
}
