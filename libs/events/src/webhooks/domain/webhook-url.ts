import { OutboundError, outboundUrl, restrictedRange } from '@rollcall/outbound';
import { EventsError } from '../../domain/events.error';
import { WEBHOOK_URL_MAX_LENGTH } from './webhook-endpoint';

/**
 * An endpoint URL an admin may register: http(s) without credentials (they would be stored
 * and logged in the clear; receivers authenticate the signature instead), https unless the
 * private network is open (development and tests), and no IP literal in a private or
 * special range. Names are checked again when each delivery connects (DNS may change).
 */
export function webhookUrl(text: string, allowPrivateNetwork: boolean): string {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > WEBHOOK_URL_MAX_LENGTH) {
    throw new EventsError(
      'WEBHOOK_URL_INVALID',
      `The URL must be 1 to ${WEBHOOK_URL_MAX_LENGTH} characters.`,
    );
  }
  let url: URL;
  try {
    url = outboundUrl(trimmed);
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    throw new EventsError(
      'WEBHOOK_URL_INVALID',
      'The URL must be an http(s) URL without a user name or password.',
    );
  }
  if (url.hash) {
    throw new EventsError('WEBHOOK_URL_INVALID', 'The URL must not have a #fragment.');
  }
  if (allowPrivateNetwork) return url.toString();
  if (url.protocol !== 'https:') {
    throw new EventsError('WEBHOOK_URL_INVALID', 'The URL must use https.');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (/^[\d.]+$|:/.test(host) && restrictedRange(host) !== null) {
    throw new EventsError(
      'WEBHOOK_URL_INVALID',
      'The URL must not point at a loopback, private, link-local or metadata address.',
    );
  }
  return url.toString();
}
