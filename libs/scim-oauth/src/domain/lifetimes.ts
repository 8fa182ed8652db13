import { ACCESS_TOKEN_LIFETIME_MINUTES, CLIENT_SECRET_LIFETIME_DAYS } from '@rollcall/contracts';
import { ScimOAuthError } from './scim-oauth.error';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Access tokens live 60 minutes to 6 hours: Entra asks for a new one when it expires. */
export function accessTokenLifetimeMinutes(value: number | undefined): number {
  if (value === undefined) return ACCESS_TOKEN_LIFETIME_MINUTES.default;
  const { min, max } = ACCESS_TOKEN_LIFETIME_MINUTES;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ScimOAuthError(
      'ACCESS_TOKEN_LIFETIME_INVALID',
      `The access token lifetime must be a whole number of minutes from ${min} to ${max}.`,
    );
  }
  return value;
}

/** A client secret expires 1 to 3 years after it is issued (default 1 year). */
export function clientSecretExpiry(lifetimeDays: number | undefined, now: Date): Date {
  const days = lifetimeDays ?? CLIENT_SECRET_LIFETIME_DAYS.default;
  const { min, max } = CLIENT_SECRET_LIFETIME_DAYS;
  if (!Number.isInteger(days) || days < min || days > max) {
    throw new ScimOAuthError(
      'CLIENT_SECRET_LIFETIME_INVALID',
      `A client secret lifetime must be a whole number of days from ${min} to ${max}.`,
    );
  }
  return new Date(now.getTime() + days * DAY_MS);
}

/** A name an admin recognises the client or credential by: 1 to 100 characters. */
export function credentialName(value: string, what: 'client' | 'credential'): string {
  const name = value.trim();
  if (!name || name.length > 100) {
    throw new ScimOAuthError(
      what === 'client' ? 'OAUTH_CLIENT_NAME_INVALID' : 'FEDERATED_CREDENTIAL_INVALID',
      'The name must be 1 to 100 characters.',
    );
  }
  return name;
}
