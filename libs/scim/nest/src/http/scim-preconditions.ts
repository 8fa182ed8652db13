import type { Response } from 'express';
import { entityTagsMatch, versionTag, type VersionPrecondition } from '@rollcall/scim-core';

/**
 * RFC 7644 §3.14 If-Match on PUT, PATCH and DELETE, as a check the use case makes against the
 * row it locked for the write. Absent, nothing is checked: Entra never sends it.
 */
export function ifMatchPrecondition(header: string | undefined): VersionPrecondition | undefined {
  if (header === undefined) return undefined;
  return (version) => entityTagsMatch(header, versionTag(version));
}

/**
 * RFC 7644 §3.14 If-None-Match on GET of one resource: when the client's copy is current, the
 * answer is 304 with the ETag and no body (Express drops the Content-Type of a 304).
 */
export function answeredNotModified(
  header: string | undefined,
  resource: { id: string; version: number },
  response: Response,
): boolean {
  const tag = versionTag(resource.version);
  if (header === undefined || !entityTagsMatch(header, tag)) return false;
  response.locals['scimResourceId'] = resource.id;
  response.setHeader('ETag', tag);
  response.status(304).send();
  return true;
}
