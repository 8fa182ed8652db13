import type { AttributePath } from './attribute-path.types';

// RFC 7644 §3.10: ATTRNAME = ALPHA *(nameChar), nameChar = "-" / "_" / DIGIT / ALPHA.
// `$ref` (RFC 7643 §2.3.7) is the one reserved name that starts with "$".
const ATTRNAME = /^\$?[A-Za-z][A-Za-z0-9_-]*$/;
// A URI scheme, then anything without whitespace: URNs such as
// `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User` carry dots and colons.
const SCHEMA_URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S*[^:\s]$/;

/**
 * Splits one attribute path token (no brackets, no whitespace) into its parts, or returns
 * undefined when it is malformed; the caller raises the error its context calls for
 * (invalidFilter in a filter, invalidPath in PATCH, invalidValue in sortBy).
 *
 * The URN is everything up to the last ':' because URNs contain ':' and '.' themselves
 * ("…:enterprise:2.0:User:manager.value"), whereas attribute names contain neither.
 */
export function scanAttributePath(text: string): AttributePath | undefined {
  const lastColon = text.lastIndexOf(':');
  let schema: string | undefined;
  let rest = text;
  if (lastColon >= 0) {
    schema = text.slice(0, lastColon);
    rest = text.slice(lastColon + 1);
    if (!SCHEMA_URI.test(schema)) return undefined;
  }
  const segments = rest.split('.');
  if (segments.length > 2) return undefined;
  const [attribute = '', subAttribute] = segments;
  if (!ATTRNAME.test(attribute)) return undefined;
  if (subAttribute !== undefined && !ATTRNAME.test(subAttribute)) return undefined;
  return {
    ...(schema !== undefined ? { schema } : {}),
    attribute,
    ...(subAttribute !== undefined ? { subAttribute } : {}),
  };
}

/** The canonical text of a path: the inverse of scanAttributePath. */
export function printAttributePath(path: AttributePath): string {
  const name = path.subAttribute ? `${path.attribute}.${path.subAttribute}` : path.attribute;
  return path.schema ? `${path.schema}:${name}` : name;
}
