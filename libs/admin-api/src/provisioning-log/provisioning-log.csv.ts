import type { ProvisioningLogEntry } from '@rollcall/audit';
import { isoDate } from '../http/iso-date.format';

export const PROVISIONING_LOG_CSV_HEADER =
  'time,method,path,filter,status,scimType,detail,resourceType,resourceId,durationMs,tokenPrefix,requestId';

/**
 * RFC 4180 quoting, and a leading `'` before `=`, `+`, `-`, `@` (and tab, CR) so a
 * spreadsheet shows what an identity provider sent instead of running it as a formula.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line (with its CRLF) per entry. */
export function provisioningLogCsvLine(entry: ProvisioningLogEntry): string {
  return (
    [
      isoDate(entry.createdAt),
      entry.method,
      entry.path,
      entry.filter,
      entry.status,
      entry.scimType,
      entry.detail,
      entry.resourceType,
      entry.resourceId,
      entry.durationMs,
      entry.tokenPrefix,
      entry.requestId,
    ]
      .map(csvCell)
      .join(',') + '\r\n'
  );
}
