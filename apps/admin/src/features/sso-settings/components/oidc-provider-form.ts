import type { OidcProviderView, SaveOidcProviderRequest } from '@rollcall/contracts';

export interface OidcProviderFormValues {
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export type OidcProviderFormErrors = Partial<Record<keyof OidcProviderFormValues, string>>;

const MAX_DISPLAY_NAME = 60;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function emptyOidcForm(provider: OidcProviderView | null): OidcProviderFormValues {
  return {
    displayName: provider?.displayName ?? '',
    issuer: provider?.issuer ?? '',
    clientId: provider?.clientId ?? '',
    clientSecret: '',
  };
}

/** https only; http only on the loopback, as the API allows (a local Keycloak in development). */
export function issuerError(issuer: string): string | null {
  const trimmed = issuer.trim();
  if (!trimmed) return 'Enter the issuer URL.';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'Enter a full URL, like https://acme.okta.com.';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return 'The issuer must use https.';
}

/** What the form can tell before asking the server; `updating` makes the secret optional. */
export function validateOidcForm(
  values: OidcProviderFormValues,
  updating: boolean,
): OidcProviderFormErrors {
  const errors: OidcProviderFormErrors = {};
  const displayName = values.displayName.trim();
  if (!displayName) errors.displayName = 'Enter the name shown on the sign-in button.';
  else if (displayName.length > MAX_DISPLAY_NAME)
    errors.displayName = `At most ${MAX_DISPLAY_NAME} characters.`;
  const issuer = issuerError(values.issuer);
  if (issuer) errors.issuer = issuer;
  if (!values.clientId.trim()) errors.clientId = 'Enter the client ID from your provider.';
  if (!updating && !values.clientSecret) {
    errors.clientSecret = 'Enter the client secret from your provider.';
  }
  return errors;
}

/** The request body: trimmed, and no `clientSecret` on an update that keeps the stored one. */
export function toSaveOidcRequest(values: OidcProviderFormValues): SaveOidcProviderRequest {
  const request: SaveOidcProviderRequest = {
    displayName: values.displayName.trim(),
    issuer: values.issuer.trim(),
    clientId: values.clientId.trim(),
  };
  if (values.clientSecret) request.clientSecret = values.clientSecret;
  return request;
}

/** The field a server refusal belongs to, so it shows inline there; null = a form-level alert. */
export function fieldOfSaveError(code: string): keyof OidcProviderFormValues | null {
  if (/ISSUER|DISCOVERY/.test(code)) return 'issuer';
  if (/CLIENT_SECRET/.test(code)) return 'clientSecret';
  if (/CLIENT_ID/.test(code)) return 'clientId';
  if (/DISPLAY_NAME/.test(code)) return 'displayName';
  return null;
}
