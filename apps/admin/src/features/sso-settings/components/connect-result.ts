/** The flash the reference product shows after connecting Microsoft Entra. */
export const MICROSOFT_CONNECTED_FLASH = 'Azure Single Sign-On was successfully connected.';

const ERROR_MESSAGES: Record<string, string> = {
  tenant_taken:
    'This Microsoft Entra tenant is already connected to another organization. A tenant belongs to one organization only.',
  state_invalid:
    'The sign-in to Microsoft took too long or was started in another browser. Try connecting again.',
  token_invalid:
    'Microsoft’s answer could not be verified, or you did not grant the permissions. Try connecting again.',
  not_configured:
    'Microsoft sign-in is not configured on this server. Ask the operator to set ENTRA_CLIENT_ID and ENTRA_CLIENT_SECRET.',
  provider_unavailable: 'Microsoft could not be reached. Try again in a moment.',
  unauthenticated: 'Your session ended during the round trip to Microsoft. Sign in and try again.',
};

export type ConnectResult =
  { kind: 'connected'; message: string } | { kind: 'error'; message: string } | null;

/** What `/sso?connected=microsoft` or `/sso?error=<code>` (the connect callback) should say. */
export function connectResult(search: string): ConnectResult {
  const params = new URLSearchParams(search);
  if (params.get('connected') === 'microsoft') {
    return { kind: 'connected', message: MICROSOFT_CONNECTED_FLASH };
  }
  const code = params.get('error');
  if (code === null) return null;
  return {
    kind: 'error',
    message:
      ERROR_MESSAGES[code] ??
      `Microsoft Azure could not be connected (${code.slice(0, 40)}). Try again.`,
  };
}
