// RFC 7644 §3.14: conditional requests with the entity tags of RFC 7232. This server's tags
// are weak (`W/"<version>"`, from the row version), so they are compared with the weak
// comparison of RFC 7232 §2.3.2 — only the opaque tags must match, `W/` or not — in If-Match
// as well as in If-None-Match; RFC 7644 §3.14 itself sends a weak tag in If-Match.

/** A check of a resource's current version, made inside the write that depends on it. */
export type VersionPrecondition = (version: number) => boolean;

/** The weak ETag of a resource at this row version. */
export function versionTag(version: number): string {
  return `W/"${version}"`;
}

/** `W/"x"` or `"x"`, then a comma or the end; the opaque tag may itself hold commas. */
const ENTITY_TAG = /\s*(?:W\/)?("[^"]*")\s*(?:,|$)/y;

/**
 * Whether an If-Match or If-None-Match value matches the current tag of an existing resource:
 * `*` matches any, a list matches when one of its tags compares weakly equal. Members that
 * are not entity tags match nothing; a value that is none (an empty list) matches nothing.
 */
export function entityTagsMatch(header: string, currentTag: string): boolean {
  if (header.trim() === '*') return true;
  const current = opaqueTag(currentTag);
  let position = 0;
  while (position < header.length) {
    ENTITY_TAG.lastIndex = position;
    const match = ENTITY_TAG.exec(header);
    if (match) {
      if (match[1] === current) return true;
      position = ENTITY_TAG.lastIndex;
      continue;
    }
    // Not an entity tag: skip to the next comma outside quotes.
    const next = header.indexOf(',', position);
    if (next < 0) return false;
    position = next + 1;
  }
  return false;
}

function opaqueTag(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}
