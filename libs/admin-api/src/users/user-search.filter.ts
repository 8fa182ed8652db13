import type { UserStatusFilter } from '@rollcall/contracts';

/**
 * The Users page's search box and status tabs as a SCIM filter (RFC 7644 §3.4.2.2), so the
 * directory compiles it to SQL like any Entra filter. The search text becomes a JSON string
 * (the grammar's compValue), which escapes quotes, backslashes and control characters.
 */
export function userSearchFilter(
  search: string | undefined,
  status: UserStatusFilter,
): string | undefined {
  const text = search?.trim();
  const clauses: string[] = [];
  if (text) {
    const value = JSON.stringify(text);
    clauses.push(`(userName co ${value} or displayName co ${value} or emails.value co ${value})`);
  }
  if (status === 'active') clauses.push('active eq true');
  if (status === 'deactivated') clauses.push('active eq false');
  return clauses.length > 0 ? clauses.join(' and ') : undefined;
}
