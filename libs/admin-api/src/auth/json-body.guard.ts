import {
  Injectable,
  UnsupportedMediaTypeException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';

/**
 * Only `application/json`: a cross-site HTML form can only send urlencoded, multipart or
 * text/plain bodies without a CORS preflight, so this keeps login CSRF out even where
 * SameSite is not enforced.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (typeof request.is('application/json') !== 'string') {
      throw new UnsupportedMediaTypeException('Send the request body as application/json.');
    }
    return true;
  }
}
