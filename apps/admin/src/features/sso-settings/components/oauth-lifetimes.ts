import {
  ACCESS_TOKEN_LIFETIME_MINUTES,
  CLIENT_SECRET_LIFETIME_DAYS,
  type ScimOAuthSecretView,
} from '@rollcall/contracts';
import { pluralize } from '../../../components/resource-counts.format';

interface Bounds {
  min: number;
  max: number;
}

/** A NumberInput's value ('' while empty) checked against the API's bounds. */
function checkWhole(value: number | string, bounds: Bounds, unit: string): string | null {
  if (value === '' || value === null) return `Enter a number of ${unit}.`;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number)) return `Enter a whole number of ${unit}.`;
  if (number < bounds.min || number > bounds.max) {
    return `Between ${bounds.min.toLocaleString('en-US')} and ${bounds.max.toLocaleString('en-US')} ${unit}.`;
  }
  return null;
}

/** Access tokens live 60 minutes to 6 hours (Entra asks for a new one when it expires). */
export function accessTokenLifetimeError(value: number | string): string | null {
  return checkWhole(value, ACCESS_TOKEN_LIFETIME_MINUTES, 'minutes');
}

/** Client secrets live 1 to 3 years. */
export function secretLifetimeError(value: number | string): string | null {
  return checkWhole(value, CLIENT_SECRET_LIFETIME_DAYS, 'days');
}

/** "1 hour", "1 h 30 min", "6 hours". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return pluralize(rest, 'minute', 'minutes');
  if (rest === 0) return pluralize(hours, 'hour', 'hours');
  return `${hours} h ${rest} min`;
}

export type SecretState = 'live' | 'expiring' | 'expired' | 'revoked';

const EXPIRING_SOON_MS = 30 * 24 * 60 * 60 * 1000;

/** A secret within 30 days of its expiry is worth rotating now. */
export function secretState(
  secret: Pick<ScimOAuthSecretView, 'expiresAt' | 'revokedAt'>,
  now: number = Date.now(),
): SecretState {
  if (secret.revokedAt !== null) return 'revoked';
  const left = new Date(secret.expiresAt).getTime() - now;
  if (left <= 0) return 'expired';
  if (left <= EXPIRING_SOON_MS) return 'expiring';
  return 'live';
}

/** Secrets that still authenticate: not revoked, not expired. */
export function liveSecrets<T extends Pick<ScimOAuthSecretView, 'expiresAt' | 'revokedAt'>>(
  secrets: T[],
  now: number = Date.now(),
): T[] {
  return secrets.filter((secret) => {
    const state = secretState(secret, now);
    return state === 'live' || state === 'expiring';
  });
}
