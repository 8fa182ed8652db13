import { ScimError } from '../errors/scim-error';
import { findStringEnd } from '../filter/filter.lexer';
import { parseFilter } from '../filter/filter.parser';
import type { FilterNode } from '../filter/filter.types';
import { scanAttributePath } from './attribute-path.scanner';
import type { AttributePath } from './attribute-path.types';

/** Longer paths are refused up front; real ones are a URN plus two names. */
export const MAX_PATH_LENGTH = 1000;

/**
 * A PATCH target (RFC 7644 §3.5.2): `path = attrPath / valuePath [subAttr]`, e.g.
 * `emails[type eq "work"].value`. With a value filter, `subAttribute` is the part after "]".
 */
export interface PatchPath extends AttributePath {
  valueFilter?: FilterNode;
}

/**
 * Parses an attrPath (no value filter), e.g. `name.givenName` or
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value`.
 * Malformed → ScimError.invalidPath.
 */
export function parseAttributePath(text: string): AttributePath {
  const trimmed = checkedText(text);
  const path = scanAttributePath(trimmed);
  if (!path) throw ScimError.invalidPath(`Invalid attribute path '${trimmed}'.`);
  return path;
}

/**
 * Parses an RFC 7644 §3.5.2 PATCH path: attrPath, or attrPath "[" valFilter "]" optionally
 * followed by "." subAttr. Any malformation, including one inside the value filter, is
 * ScimError.invalidPath (RFC 7644 §3.5.2: "invalidPath" when the path is not valid).
 */
export function parsePatchPath(text: string): PatchPath {
  const trimmed = checkedText(text);
  const open = trimmed.indexOf('[');
  if (open < 0) return parseAttributePath(trimmed);

  const attrText = trimmed.slice(0, open).trim();
  const base = scanAttributePath(attrText);
  if (!base || base.subAttribute !== undefined) {
    throw ScimError.invalidPath(`Invalid attribute '${attrText}' before '[' in path '${trimmed}'.`);
  }
  const close = findClosingBracket(trimmed, open);
  if (close < 0) throw ScimError.invalidPath(`Missing ']' in path '${trimmed}'.`);

  let valueFilter: FilterNode;
  try {
    valueFilter = parseFilter(trimmed.slice(open + 1, close), { valueFilter: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'malformed value filter';
    throw ScimError.invalidPath(`Invalid value filter in path '${trimmed}': ${detail}`);
  }

  const after = trimmed.slice(close + 1);
  if (after === '') return { ...base, valueFilter };
  const sub = /^\.(\$?[A-Za-z][A-Za-z0-9_-]*)$/.exec(after)?.[1];
  if (sub === undefined) {
    throw ScimError.invalidPath(`Unexpected '${after}' after ']' in path '${trimmed}'.`);
  }
  return { ...base, subAttribute: sub, valueFilter };
}

function checkedText(text: unknown): string {
  if (typeof text !== 'string') throw ScimError.invalidPath('The path must be a string.');
  if (text.length > MAX_PATH_LENGTH) {
    throw ScimError.invalidPath(`The path is longer than ${MAX_PATH_LENGTH} characters.`);
  }
  const trimmed = text.trim();
  if (trimmed === '') throw ScimError.invalidPath('The path is empty.');
  return trimmed;
}

// The "]" closing the value filter, skipping brackets inside JSON strings
// (`emails[value eq "a]b"].value`).
function findClosingBracket(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (c === '"') {
      const end = findStringEnd(text, i);
      if (end < 0) return -1;
      i = end;
    } else if (c === ']') {
      return i;
    }
  }
  return -1;
}
