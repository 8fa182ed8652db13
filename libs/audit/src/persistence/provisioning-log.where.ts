import type { SqlValues } from '@rollcall/db';

/** Which entries of an organization a page of the log shows. */
export interface ProvisioningLogFilter {
  /** `failed` (status ≥ 400), `succeeded` (< 400), or one exact status code. */
  status?: 'failed' | 'succeeded' | number;
  resourceType?: string;
  resourceId?: string;
  /** Upper case, as stored. */
  method?: string;
  /** A user's id, `userName` or `externalId` (any case). */
  user?: string;
  /** A team's (SCIM group's) id or `displayName` (any case). */
  team?: string;
  since?: Date;
  until?: Date;
  /** Only entries older than this one (the last of the previous page). */
  before?: { at: Date; id: string };
}

/** `%`, `_` and the escape itself match literally under `ESCAPE '\'`. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `"key":"value"` as the stored body (compact JSON.stringify output) spells it, lower case. */
function bodyPattern(key: string, value: string): string {
  return `%${likeLiteral(`${JSON.stringify(key.toLowerCase())}:${JSON.stringify(value)}`)}%`;
}

const LIKE = `LIKE ? ESCAPE '\\'`;

/**
 * The entries about one SCIM resource, found from what the log itself holds (the audit feature
 * reads no other feature's tables): the resource id; a lookup whose filter names the value
 * (`userName eq "…"`, Entra's match before a create); a body that carries it (a create,
 * also a refused one); and every entry on a resource id that such a body was answered with
 * (so a later PATCH of `/Users/{id}` is found by `userName`). Scoped to the organization's rows
 * of that resource type by the leading index columns; the log is bounded per organization.
 */
function resourceMatch(
  type: 'User' | 'Group',
  keys: readonly string[],
  term: string,
  organizationId: string,
): { sql: string; parameters: unknown[] } {
  const value = term.toLowerCase();
  const bodyTests = (alias: string) =>
    keys.map(() => `LOWER(${alias}.request_body) ${LIKE}`).join(' OR ');
  const bodyValues = keys.map((key) => bodyPattern(key, value));
  return {
    sql: `(l.resource_type = '${type}' AND (
      l.resource_id = ?
      OR LOWER(l.filter) ${LIKE}
      OR ${bodyTests('l')}
      OR l.resource_id IN (
        SELECT k.resource_id FROM provisioning_log k
        WHERE k.organization_id = ? AND k.resource_type = '${type}'
          AND k.resource_id IS NOT NULL AND (${bodyTests('k')}))))`,
    parameters: [
      term,
      `%${likeLiteral(JSON.stringify(value))}%`,
      ...bodyValues,
      organizationId,
      ...bodyValues,
    ],
  };
}

/** The WHERE conditions (joined with AND) and their values, in placeholder order. */
export function provisioningLogWhere(
  organizationId: string,
  filter: ProvisioningLogFilter,
  v: SqlValues,
): { where: string[]; parameters: unknown[] } {
  const where = ['l.organization_id = ?'];
  const parameters: unknown[] = [organizationId];
  if (filter.status === 'failed') where.push('l.status >= 400');
  else if (filter.status === 'succeeded') where.push('l.status < 400');
  else if (typeof filter.status === 'number') {
    where.push('l.status = ?');
    parameters.push(filter.status);
  }
  const equal: [string, string | undefined][] = [
    ['l.resource_type', filter.resourceType],
    ['l.resource_id', filter.resourceId],
    ['l.method', filter.method],
  ];
  for (const [column, value] of equal) {
    if (value === undefined || value === '') continue;
    where.push(`${column} = ?`);
    parameters.push(value);
  }
  const resources: [string | undefined, 'User' | 'Group', string[]][] = [
    [filter.user, 'User', ['userName', 'externalId']],
    [filter.team, 'Group', ['displayName', 'externalId']],
  ];
  for (const [term, type, keys] of resources) {
    if (term === undefined || term === '') continue;
    const match = resourceMatch(type, keys, term, organizationId);
    where.push(match.sql);
    parameters.push(...match.parameters);
  }
  if (filter.since) {
    where.push('l.created_at >= ?');
    parameters.push(v.timestamp(filter.since));
  }
  if (filter.until) {
    where.push('l.created_at < ?');
    parameters.push(v.timestamp(filter.until));
  }
  if (filter.before) {
    const at = v.timestamp(filter.before.at);
    where.push('(l.created_at < ? OR (l.created_at = ? AND l.id < ?))');
    parameters.push(at, at, filter.before.id);
  }
  return { where, parameters };
}
