/** Entra tenant ids are GUIDs; anything else in `tid` is refused before it reaches a URL. */
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const TENANT_PLACEHOLDER = '{tenantid}';

export function isEntraTenantId(value: unknown): value is string {
  return typeof value === 'string' && TENANT_ID.test(value);
}

/**
 * The issuer an ID token of tenant `tid` must carry. A multi-tenant app discovers
 * `{authority}/organizations/v2.0`, whose issuer is a template like
 * `https://login.microsoftonline.com/{tenantid}/v2.0`; Microsoft's guidance is to fill in the
 * token's own `tid` and require `iss` to equal the result. openid-client does this only for
 * the exact login.microsoftonline.com discovery URLs, so Rollcall applies it itself (and thus
 * also against a sovereign cloud or a test authority). Returns null for an unusable `tid`.
 */
export function tenantIssuer(issuerTemplate: string, tid: unknown): string | null {
  if (!isEntraTenantId(tid)) return null;
  if (!issuerTemplate.includes(TENANT_PLACEHOLDER)) return issuerTemplate;
  return issuerTemplate.replace(TENANT_PLACEHOLDER, tid);
}
