import { ScimError } from '../errors/scim-error';
import { scanAttributePath } from '../path/attribute-path.scanner';
import type { AttributePath } from '../path/attribute-path.types';
import { tokenizeFilter, type FilterToken } from './filter.lexer';
import {
  COMPARE_OPERATORS,
  type CompareOperator,
  type FilterNode,
  type FilterValue,
} from './filter.types';

/** Longer filters are refused before tokenizing: no legitimate client sends one. */
export const MAX_FILTER_LENGTH = 4000;
/** Nesting of parentheses, `not` and value filters; bounds parser and compiler recursion. */
export const MAX_FILTER_DEPTH = 50;

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/** What a client could only have meant as a number: `01`, `+1`, `1.`, `.5`, `1e999`. */
const NUMBER_LIKE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Words that are grammar, never a value, so `userName eq and` stays an error. */
const KEYWORDS = new Set<string>(['and', 'or', 'not', 'pr', ...COMPARE_OPERATORS]);
/** Control characters and lone surrogates match no stored value; PostgreSQL refuses NUL. */
const UNSTORABLE = /[\p{Cc}\p{Cs}]/u;

export interface ParseFilterOptions {
  /**
   * Parse a valFilter (RFC 7644 §3.4.2.2), the text between brackets: it may not contain
   * another value filter. Used for PATCH paths such as `emails[type eq "work"]`.
   */
  valueFilter?: boolean;
}

/**
 * Parses an RFC 7644 §3.4.2.2 filter into a FilterNode. Operators and keywords are
 * case-insensitive. Anything malformed throws ScimError.invalidFilter with the position;
 * nothing else is ever thrown.
 */
export function parseFilter(source: string, options: ParseFilterOptions = {}): FilterNode {
  if (typeof source !== 'string') throw ScimError.invalidFilter('The filter must be a string.');
  if (source.length > MAX_FILTER_LENGTH) {
    throw ScimError.invalidFilter(`The filter is longer than ${MAX_FILTER_LENGTH} characters.`);
  }
  const tokens = tokenizeFilter(source);
  return new FilterParser(tokens, options.valueFilter === true).parse();
}

class FilterParser {
  private index = 0;

  constructor(
    private readonly tokens: readonly FilterToken[],
    private readonly insideValueFilter: boolean,
  ) {}

  parse(): FilterNode {
    if (this.peek().kind === 'end') throw ScimError.invalidFilter('The filter is empty.');
    const node = this.parseOr(0, this.insideValueFilter);
    const rest = this.peek();
    if (rest.kind !== 'end') throw this.unexpected(rest, "'and', 'or' or the end of the filter");
    return node;
  }

  // RFC 7644 §3.4.2.2 table 4: "and" binds tighter than "or"; both associate to the left.
  private parseOr(depth: number, inValue: boolean): FilterNode {
    let left = this.parseAnd(depth, inValue);
    while (this.isKeyword(this.peek(), 'or')) {
      this.advance();
      left = { kind: 'or', left, right: this.parseAnd(depth, inValue) };
    }
    return left;
  }

  private parseAnd(depth: number, inValue: boolean): FilterNode {
    let left = this.parseUnary(depth, inValue);
    while (this.isKeyword(this.peek(), 'and')) {
      this.advance();
      left = { kind: 'and', left, right: this.parseUnary(depth, inValue) };
    }
    return left;
  }

  private parseUnary(depth: number, inValue: boolean): FilterNode {
    const token = this.peek();
    if (depth >= MAX_FILTER_DEPTH) {
      throw ScimError.invalidFilter(
        `The filter nests deeper than ${MAX_FILTER_DEPTH} levels at position ${token.position}.`,
      );
    }
    if (token.kind === '(') {
      this.advance();
      const inner = this.parseOr(depth + 1, inValue);
      this.expect(')', "')'");
      return inner;
    }
    // `not` is only the keyword when "(" follows: an attribute may be called "not".
    if (this.isKeyword(token, 'not') && this.peek(1).kind === '(') {
      this.advance();
      this.advance();
      const inner = this.parseOr(depth + 1, inValue);
      this.expect(')', "')'");
      return { kind: 'not', filter: inner };
    }
    if (token.kind !== 'word') throw this.unexpected(token, 'an attribute path');
    const path = this.attributePath(token);
    this.advance();

    if (this.peek().kind === '[') {
      const bracket = this.advance();
      if (inValue) {
        throw ScimError.invalidFilter(
          `Value filters cannot be nested (position ${bracket.position}).`,
        );
      }
      if (path.subAttribute !== undefined) {
        throw ScimError.invalidFilter(
          `A value filter applies to an attribute, not to the sub-attribute '${token.text}' (position ${bracket.position}).`,
        );
      }
      const inner = this.parseOr(depth + 1, true);
      this.expect(']', "']'");
      return { kind: 'valuePath', path, filter: inner };
    }

    const opToken = this.advance();
    const op = opToken.kind === 'word' ? opToken.text.toLowerCase() : '';
    if (op === 'pr') return { kind: 'present', path };
    if (!isCompareOperator(op)) {
      throw this.unexpected(opToken, `an operator (${COMPARE_OPERATORS.join(', ')} or pr)`);
    }
    return { kind: 'compare', path, op, value: this.compareValue() };
  }

  private compareValue(): FilterValue {
    const token = this.advance();
    if (token.kind === 'string') return token.value ?? '';
    if (token.kind === 'word') {
      const lower = token.text.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      if (lower === 'null') return null;
      if (JSON_NUMBER.test(token.text)) {
        const value = Number(token.text);
        if (Number.isFinite(value)) return value;
      }
      if (isUnquotedString(token.text)) return token.text;
    }
    throw this.unexpected(token, 'a value (a "string", a number, true, false or null)');
  }

  private attributePath(token: FilterToken): AttributePath {
    const path = scanAttributePath(token.text);
    if (!path) {
      throw ScimError.invalidFilter(
        `Invalid attribute path '${token.text}' at position ${token.position}.`,
      );
    }
    return path;
  }

  private isKeyword(token: FilterToken, keyword: string): boolean {
    return token.kind === 'word' && token.text.toLowerCase() === keyword;
  }

  private peek(ahead = 0): FilterToken {
    const last = this.tokens[this.tokens.length - 1];
    const token = this.tokens[this.index + ahead] ?? last;
    if (!token) throw ScimError.invalidFilter('The filter is empty.');
    return token;
  }

  private advance(): FilterToken {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  private expect(kind: FilterToken['kind'], description: string): FilterToken {
    const token = this.advance();
    if (token.kind !== kind) throw this.unexpected(token, description);
    return token;
  }

  private unexpected(token: FilterToken, expected: string): ScimError {
    const found = token.kind === 'end' ? 'the end of the filter' : `'${token.text}'`;
    return ScimError.invalidFilter(
      `Expected ${expected} at position ${token.position} but found ${found}.`,
    );
  }
}

function isCompareOperator(op: string): op is CompareOperator {
  return (COMPARE_OPERATORS as readonly string[]).includes(op);
}

/**
 * Okta and Microsoft's reference server send `name.familyName eq Employee` and
 * `meta.created gt 2015-10-10T14:38:21Z`: an unquoted word that is no JSON literal can only
 * be a string (or a dateTime, which filters spell as a string). The lexer already ends a
 * word at whitespace, a bracket or a quote. Keywords, number look-alikes and control
 * characters (which JSON would have escaped) stay errors rather than being guessed at.
 */
function isUnquotedString(text: string): boolean {
  return !KEYWORDS.has(text.toLowerCase()) && !NUMBER_LIKE.test(text) && !UNSTORABLE.test(text);
}
