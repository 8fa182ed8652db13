/**
 * PostgreSQL refuses U+0000 in text (the whole insert fails) and a lone UTF-16 surrogate has
 * no UTF-8 form, so neither may reach a stored log entry: each becomes U+FFFD, which still
 * shows the admin that something odd was sent.
 */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what must be found.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function sanitizeLogText(text: string, maxLength?: number): string {
  // Cut first: a cut through a surrogate pair leaves a lone half, which is then replaced.
  const cut = maxLength === undefined ? text : text.slice(0, maxLength);
  return cut.replace(UNSTORABLE, '\ufffd');
}

export function sanitizeOptionalLogText(
  text: string | null | undefined,
  maxLength?: number,
): string | null {
  return text === null || text === undefined ? null : sanitizeLogText(text, maxLength);
}
