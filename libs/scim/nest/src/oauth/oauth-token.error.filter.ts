import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
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

/** RFC 6749 §5.2: the token endpoint's errors are JSON `{error, error_description}`. */
@Catch(OAuthTokenError)
export class OAuthTokenErrorFilter implements ExceptionFilter {
  catch(error: OAuthTokenError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    response.status(status(error.code)).set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
    // §5.2: a client that tried HTTP Basic gets a Basic challenge with its 401.
    if (error.code === 'invalid_client' && error.basicChallenge) {
      response.set('WWW-Authenticate', 'Basic realm="rollcall", charset="UTF-8"');
    }
    response.json({ error: error.code, error_description: error.description });
  }
}
