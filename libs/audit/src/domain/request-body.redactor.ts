/** Keys whose values never reach the log, at any depth (SCIM `password`, client secrets…). */
const SECRET_KEY = /pass(word)?|secret|token|credential|authorization/i;
export const MAX_LOGGED_BODY_CHARS = 16 * 1024;

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
        key,
        SECRET_KEY.test(key) ? '[REDACTED]' : redact(inner),
      ]),
    );
  }
  return value;
}

/**
 * The body as stored in the provisioning log: secrets masked, and cut at 16 KB so a
 * 500-member PATCH cannot bloat the table (the cut is marked, so nobody mistakes it for
 * the whole request).
 */
export function redactRequestBody(body: unknown): string | null {
  if (body === undefined || body === null) return null;
  if (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0) {
    return null;
  }
  const text = JSON.stringify(redact(body));
  return text.length <= MAX_LOGGED_BODY_CHARS
    ? text
    : `${text.slice(0, MAX_LOGGED_BODY_CHARS)}… [truncated ${text.length - MAX_LOGGED_BODY_CHARS} characters]`;
}
