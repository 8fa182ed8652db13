import type { IncomingMessage } from 'node:http';
import {
  Logger,
  NotFoundException,
  UnsupportedMediaTypeException,
  type INestApplication,
} from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { runWithRequestOrigin } from '@rollcall/db';
import { ScimError } from '@rollcall/scim-core';
import { isScimRequest, writeEdgeError } from './edge-error.writer';
import { assignRequestId } from './logger.options';
import { findUnstorableString, unstorableQueryParameter } from './unstorable-input.guard';

/**
 * Deepest JSON nesting any body may have. A SCIM User is 4 levels deep (an extension's
 * `manager.value` inside a PATCH operation's value), so 64 leaves ample room for any real
 * client while keeping every recursive walk (redaction, cloning, serialisation) far from
 * the stack's limit: a 12 KB body of `{"a":` nests 2,000 deep.
 */
export const MAX_JSON_DEPTH = 64;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * One pass over the raw bytes, skipping string contents, before JSON.parse sees them. Bytes
 * are safe to scan as ASCII: in UTF-8 no byte of a multi-byte character is below 0x80.
 */
export function jsonNestingExceeds(raw: Buffer, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i += 1) {
    const byte = raw[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
  return false;
}

class BodyTooDeepError extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
  constructor() {
    super(`The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  }
}

class CharsetUnsupportedError extends Error {
  readonly status = 415;
  readonly type = 'charset.unsupported';
  constructor() {
    super('JSON bodies must be UTF-8.');
  }
}

function rejectDeepJson(
  _request: Request,
  _response: Response,
  raw: Buffer,
  encoding: string,
): void {
  // RFC 8259 §8.1: JSON between systems is UTF-8. In UTF-16 a character's bytes can look like
  // a quote or a bracket, which would blind the byte scan below.
  if (encoding.toLowerCase().replace('-', '') !== 'utf8') throw new CharsetUnsupportedError();
  if (jsonNestingExceeds(raw, MAX_JSON_DEPTH)) throw new BodyTooDeepError();
}

function isClientError(status: unknown): status is number {
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * A gzip/br/deflate body that does not decompress reaches us as a zlib error that
 * body-parser gave a 400 but no type; naming it lets every edge answer it as the client's
 * mistake instead of ours.
 */
function withParserType(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const parserError = error as { status?: unknown; type?: unknown };
  if (isClientError(parserError.status) && typeof parserError.type !== 'string') {
    parserError.type = 'encoding.corrupt';
  }
  return error;
}

/**
 * The admin API speaks JSON: a body no parser read (text/plain, XML, multipart) would reach
 * a controller as `undefined`, so it is refused here rather than half-handled there.
 */
function unreadAdminBody(request: Request): boolean {
  if (request.body !== undefined || !request.path.startsWith('/api/')) return false;
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

/**
 * Strings PostgreSQL cannot store (NUL, and lone UTF-16 surrogates that jsonb refuses) are
 * refused once here, for every route, so SQLite and PostgreSQL answer alike: an id that
 * holds one cannot exist (404), any other value is the client's mistake (400). An admin API
 * body no parser could read is refused here too (415).
 */
function refusedInput(request: Request): Error | undefined {
  if (unreadAdminBody(request)) {
    return new UnsupportedMediaTypeException('The admin API reads JSON bodies only.');
  }
  if (request.path.includes('%00')) {
    return new NotFoundException('No such resource.');
  }
  // Express parses the query string anew on every read of `request.query`.
  const parameter = request.url.includes('?') ? unstorableQueryParameter(request.query) : undefined;
  if (parameter !== undefined) {
    const detail = `The query parameter '${parameter}' holds a character that cannot be stored (NUL or a lone surrogate).`;
    return parameter.toLowerCase() === 'filter'
      ? ScimError.invalidFilter(detail)
      : ScimError.invalidValue(detail);
  }
  const inBody = findUnstorableString(request.body as unknown);
  if (inBody) {
    const detail =
      'The request body holds a character that cannot be stored (NUL or a lone surrogate).';
    // A filter is a filter whether it came in the query or in a /.search body.
    return inBody.topLevelKey?.toLowerCase() === 'filter'
      ? ScimError.invalidFilter(detail)
      : ScimError.invalidValue(detail);
  }
  return undefined;
}

/**
 * type-is's `hasBody`, which body-parser asks first: a request with neither a length nor a
 * chunked body (every GET and DELETE Entra sends) has nothing to parse.
 */
function hasBody(request: Request): boolean {
  return (
    request.headers['transfer-encoding'] !== undefined ||
    !Number.isNaN(Number(request.headers['content-length']))
  );
}

const JSON_MEDIA_TYPES = ['application/json', 'application/scim+json', 'application/*+json'];

/**
 * Okta's SCIM client sends some bodies with no Content-Type, or as text/plain; under /scim/v2
 * every body is JSON, so those go through the same parser (same limit, depth, charset and
 * error answers). Elsewhere only a JSON media type is read as JSON.
 */
function readsAsJson(request: Request): boolean {
  if (request.is(JSON_MEDIA_TYPES)) return true;
  if (!isScimRequest(request)) return false;
  return !request.headers['content-type'] || request.is('text/plain') === 'text/plain';
}

/**
 * JSON bodies (SCIM clients send `application/scim+json`, RFC 7644 §3.1; Entra sometimes
 * plain `application/json`; Okta sometimes none, or text/plain) up to a limit. Parse failures
 * never reach a controller, so they are answered here in the edge's error shape: invalid or
 * too deeply nested JSON → 400 invalidSyntax, a body that does not decompress → 400, an
 * unknown charset → 415, too big → 413.
 *
 * One middleware rather than a layer per step: the request id, then the parsers only when
 * there is a body (each of them would skip a bodiless request anyway), then the refusal of
 * unstorable input, and the request's origin for what it changes.
 */
export function useBodyParsing(app: INestApplication, maxBodyBytes: number): void {
  const logger = new Logger('Http');
  const json = express.json({
    limit: maxBodyBytes,
    // body-parser types the request as node's; the middleware below hands it Express's.
    type: (message: IncomingMessage) => readsAsJson(message as Request),
    verify: rejectDeepJson,
  });
  const urlencoded = express.urlencoded({ extended: false, limit: maxBodyBytes });

  const failed = (error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) next(error);
    else writeEdgeError(withParserType(error), request, response, logger);
  };
  const checked = (request: Request, response: Response, next: NextFunction) => {
    let refused: Error | undefined;
    try {
      refused = refusedInput(request);
    } catch (error) {
      failed(error, request, response, next);
      return;
    }
    if (refused) writeEdgeError(refused, request, response, logger);
    // Everything after this middleware (guards, use cases, the outbox's flush at COMMIT) runs
    // inside the origin, so events know the address. Entered here, after the body parsers:
    // their callbacks come from the socket's stream events, outside any context set before.
    // `request.ip` is X-Forwarded-For's client as far as TRUST_PROXY trusts the hops.
    else runWithRequestOrigin({ clientIp: request.ip ?? null }, () => next());
  };

  app.use((request: Request, response: Response, next: NextFunction) => {
    // First, so an error answered here carries the id the HTTP log will use.
    assignRequestId(request, response);
    if (!hasBody(request)) {
      // What the parsers leave on a bodiless request.
      if (!('body' in (request as object))) request.body = undefined;
      checked(request, response, next);
      return;
    }
    json(request, response, (jsonError?: unknown) => {
      if (jsonError) {
        failed(jsonError, request, response, next);
        return;
      }
      urlencoded(request, response, (formError?: unknown) => {
        if (formError) failed(formError, request, response, next);
        else checked(request, response, next);
      });
    });
  });
}
