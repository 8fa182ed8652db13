/** Keys whose values never reach the log, at any depth (SCIM `password`, client secrets…). */
const SECRET_KEY = /pass(word)?|secret|token|credential|authorization/i;
export const MAX_LOGGED_BODY_CHARS = 16 * 1024;
/**
 * Deeper than any SCIM request needs; below it the copy stops. The HTTP edge already refuses
 * deeper bodies, but the log must never depend on that to stay up.
 */
export const MAX_LOGGED_BODY_DEPTH = 32;
const REDACTED = '[REDACTED]';
const TOO_DEEP = '[TOO DEEP]';

type Container = Record<string, unknown> | unknown[];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A PATCH operation that targets a secret by path (`"path": "password"`, its URN-qualified
 * form, any case) carries the secret in its `value`, whose key alone says nothing.
 */
function targetsSecret(operation: Record<string, unknown>): boolean {
  return Object.entries(operation).some(
    ([key, path]) =>
      key.toLowerCase() === 'path' && typeof path === 'string' && SECRET_KEY.test(path),
  );
}

/**
 * A copy with secrets masked, built with an explicit stack rather than recursion, so no
 * body, however deep, can overflow the call stack of the process that logs it.
 */
function redact(body: unknown): unknown {
  const root: { value?: unknown } = {};
  const pending: { source: unknown; target: Container; key: string | number; depth: number }[] = [
    { source: body, target: root as Record<string, unknown>, key: 'value', depth: 0 },
  ];
  while (pending.length > 0) {
    const { source, target, key, depth } = pending.pop() as (typeof pending)[number];
    const assign = (value: unknown) => {
      (target as Record<string | number, unknown>)[key] = value;
    };
    if (typeof source !== 'object' || source === null) {
      assign(source);
    } else if (depth >= MAX_LOGGED_BODY_DEPTH) {
      assign(TOO_DEEP);
    } else if (Array.isArray(source)) {
      const copy: unknown[] = new Array<unknown>(source.length);
      assign(copy);
      source.forEach((item, index) => {
        pending.push({ source: item, target: copy, key: index, depth: depth + 1 });
      });
    } else {
      // No prototype: a `__proto__` key in the body stays a plain key of the copy.
      const copy = Object.create(null) as Record<string, unknown>;
      assign(copy);
      const secretValue = targetsSecret(source as Record<string, unknown>);
      for (const [name, inner] of Object.entries(source)) {
        if (SECRET_KEY.test(name) || (secretValue && name.toLowerCase() === 'value')) {
          copy[name] = REDACTED;
        } else {
          // Claimed now, filled when popped: the log keeps the body's key order.
          copy[name] = null;
          pending.push({ source: inner, target: copy, key: name, depth: depth + 1 });
        }
      }
    }
  }
  return root.value;
}

/**
 * The body as stored in the provisioning log: secrets masked, and cut at 16 KB so a
 * 500-member PATCH cannot bloat the table (the cut is marked, so nobody mistakes it for
 * the whole request).
 */
export function redactRequestBody(body: unknown): string | null {
  if (body === undefined || body === null) return null;
  if (isObject(body) && Object.keys(body).length === 0) return null;
  const text = JSON.stringify(redact(body)) ?? null;
  if (text === null) return null;
  return text.length <= MAX_LOGGED_BODY_CHARS
    ? text
    : `${text.slice(0, MAX_LOGGED_BODY_CHARS)}… [truncated ${text.length - MAX_LOGGED_BODY_CHARS} characters]`;
}
