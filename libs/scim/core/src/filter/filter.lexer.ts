import { ScimError } from '../errors/scim-error';

export type FilterTokenKind = '(' | ')' | '[' | ']' | 'string' | 'word' | 'end';

export interface FilterToken {
  kind: FilterTokenKind;
  /** The source text of the token (for strings, the decoded value is in `value`). */
  text: string;
  /** 0-based offset in the filter, reported in error details. */
  position: number;
  value?: string;
}

const PUNCTUATION = new Set(['(', ')', '[', ']']);
const WHITESPACE = /\s/;

/**
 * Splits a filter into tokens. Attribute paths, operators, keywords, numbers and literals are
 * all "words" (runs up to whitespace, brackets or a quote) and the parser gives them meaning
 * by position, which keeps URN paths with ':' and '.' in one piece.
 */
export function tokenizeFilter(
  source: string,
  fail: (detail: string) => ScimError = ScimError.invalidFilter,
): FilterToken[] {
  const tokens: FilterToken[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (WHITESPACE.test(ch)) {
      i += 1;
      continue;
    }
    if (PUNCTUATION.has(ch)) {
      tokens.push({ kind: ch as FilterTokenKind, text: ch, position: i });
      i += 1;
      continue;
    }
    if (ch === '"') {
      const end = findStringEnd(source, i);
      if (end < 0) throw fail(`Unterminated string starting at position ${i}.`);
      const text = source.slice(i, end + 1);
      tokens.push({ kind: 'string', text, position: i, value: decodeJsonString(text, i, fail) });
      i = end + 1;
      continue;
    }
    const start = i;
    while (i < source.length) {
      const c = source.charAt(i);
      if (WHITESPACE.test(c) || PUNCTUATION.has(c) || c === '"') break;
      i += 1;
    }
    tokens.push({ kind: 'word', text: source.slice(start, i), position: start });
  }
  tokens.push({ kind: 'end', text: '', position: source.length });
  return tokens;
}

/** Index of the closing quote of the JSON string opening at `start`, or -1. */
export function findStringEnd(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i += 1) {
    const c = source.charAt(i);
    if (c === '\\') i += 1;
    else if (c === '"') return i;
  }
  return -1;
}

const UNMATCHABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// RFC 7644 §3.4.2.2: string values are JSON strings (RFC 7159 §7), escapes included.
function decodeJsonString(
  text: string,
  position: number,
  fail: (detail: string) => ScimError,
): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(text);
  } catch {
    // reported below with the position, which JSON.parse does not know
  }
  if (typeof decoded !== 'string') {
    throw fail(`Invalid string at position ${position}: not a valid JSON string.`);
  }
  // An escape can spell what no stored value holds and PostgreSQL refuses in a query: NUL
  // (`\u0000`) or half a surrogate pair (`\ud800`).
  if (UNMATCHABLE.test(decoded)) {
    throw fail(`Invalid string at position ${position}: NUL or a lone surrogate.`);
  }
  return decoded;
}
