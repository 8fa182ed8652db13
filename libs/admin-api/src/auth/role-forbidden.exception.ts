import { ForbiddenException } from '@nestjs/common';

/**
 * A signed-in admin whose role does not allow the request. An HTTP exception (not a domain
 * error) because the guard decides it at the edge; the admin API's error shape derives the
 * code ROLE_FORBIDDEN from the class name.
 */
export class RoleForbiddenException extends ForbiddenException {
  constructor(message: string) {
    super(message);
    this.name = 'RoleForbiddenException';
  }
}
