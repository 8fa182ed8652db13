import { parseListQuery, type ListQuery } from '@rollcall/scim-core';
import type { ScimModuleOptions } from '../scim.options';

/** What `attributes`/`excludedAttributes` ask to see of a resource (RFC 7644 §3.9). */
export type ScimProjection = Pick<ListQuery, 'attributes' | 'excludedAttributes'>;

/** Entra pages by 100; a client may ask up to the advertised maximum. */
const DEFAULT_PAGE_SIZE = 100;

/** A list or .search request's paging, sorting, filter and projection. */
export function listQueryOf(
  input: Record<string, unknown> | undefined,
  options: ScimModuleOptions,
): ListQuery {
  return parseListQuery(input ?? {}, {
    maxCount: options.maxResults,
    defaultCount: Math.min(DEFAULT_PAGE_SIZE, options.maxResults),
  });
}

function isEmpty(input: Record<string, unknown>): boolean {
  for (const key in input) if (Object.hasOwn(input, key)) return false;
  return true;
}

/** The projection asked for on a single-resource request (GET/POST/PUT/PATCH). */
export function projectionOf(
  input: Record<string, unknown>,
  options: ScimModuleOptions,
): ScimProjection {
  // Most single-resource requests (Entra's GET /Users/{id}, every PATCH) have no query at all:
  // what parseListQuery answers for one, without building its parameter map.
  if (isEmpty(input)) return { attributes: [], excludedAttributes: [] };
  const { attributes, excludedAttributes } = parseListQuery(input, {
    maxCount: options.maxResults,
    defaultCount: 0,
  });
  return { attributes, excludedAttributes };
}
