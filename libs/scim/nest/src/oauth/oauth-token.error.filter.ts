import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE_LOCAL,
  databaseUnavailability,
} from '@rollcall/db';
import { RateLimitedError } from '@rollcall/rate-limit';
import { OAuthTokenError, type OAuthTokenErrorCode } from '@rollcall/scim-oauth';

function status(code: OAuthTokenErrorCode): number {
  switch (code) {
    case 'invalid_client':
      return 401;
    case 'invalid_request':
    case 'invalid_grant':
    case 'unsupported_grant_type':
    case 'invalid_scope':
      return 400;
  }
}

/** The token endpoint's path, whose errors (even a body that could not be read) are RFC 6749's. */
export const OAUTH_TOKEN_PATH = '/oauth/token';

/** RFC 6749 §5.2: the token endpoint's errors are JSON `{error, error_description}`. */
@Catch(OAuthTokenError, RateLimitedError)
export class OAuthTokenErrorFilter implements ExceptionFilter {
  catch(error: OAuthTokenError | RateLimitedError, host: ArgumentsHost): void {
    writeOAuthTokenError(error, host.switchToHttp().getResponse<Response>());
  }
}

/**
 * Any failure on the token endpoint in RFC 6749's shape: a body the parser refused (malformed,
 * too large) is `invalid_request` with the parser's 4xx status; anything else is
 * `server_error` (RFC 6749 §4.1.2.1), never a stack trace.
 */
export function writeOAuthTokenError(error: unknown, response: Response): void {
  if (error instanceof OAuthTokenError) {
    writeTokenError(error, response);
    return;
  }
  if (error instanceof RateLimitedError) {
    // Too many failed attempts from this address. `slow_down` is the registered OAuth error
    // for "keep this pace and be refused" (RFC 8628 §3.5); the shape stays RFC 6749 §5.2's.
    response
      .status(429)
      .set({
        'Cache-Control': 'no-store',
        Pragma: 'no-cache',
        'Retry-After': String(error.retryAfterSeconds),
      })
      .json({
        error: 'slow_down',
        error_description: 'Too many failed token requests from this address. Retry later.',
      });
    return;
  }
  const unavailable = databaseUnavailability(error);
  if (unavailable) {
    // RFC 6749 §4.1.2.1 names this case: `temporarily_unavailable`, with a 503.
    response.locals[DATABASE_UNAVAILABLE_LOCAL] = unavailable;
    response
      .status(503)
      .set({
        'Cache-Control': 'no-store',
        Pragma: 'no-cache',
        'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS),
      })
      .json({
        error: 'temporarily_unavailable',
        error_description: 'The token could not be issued now. Retry later.',
      });
    return;
  }
  const parserStatus = (error as { status?: unknown; type?: unknown } | null)?.status;
  const fromParser = typeof parserStatus === 'number' && parserStatus >= 400 && parserStatus < 500;
  response
    .status(fromParser ? parserStatus : 500)
    .set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' })
    .json(
      fromParser
        ? {
            error: 'invalid_request',
            error_description:
              parserStatus === 413
                ? 'The request body is too large.'
                : 'The request body could not be read as application/x-www-form-urlencoded.',
          }
        : { error: 'server_error', error_description: 'The token could not be issued.' },
    );
}

function writeTokenError(error: OAuthTokenError, response: Response): void {
  response.status(status(error.code)).set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
  // §5.2: a client that tried HTTP Basic gets a Basic challenge with its 401.
  if (error.code === 'invalid_client' && error.basicChallenge) {
    response.set('WWW-Authenticate', 'Basic realm="rollcall", charset="UTF-8"');
  }
  response.json({ error: error.code, error_description: error.description });
}
