import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ApiErrorBody } from '@rollcall/contracts';
import { AdminManagementError, type AdminManagementErrorCode } from '@rollcall/organizations';

function adminManagementStatus(code: AdminManagementErrorCode): number {
  switch (code) {
    case 'INVITATION_NOT_FOUND':
      return 404;
    case 'LAST_OWNER':
    case 'ALREADY_ADMIN':
      return 409;
    case 'TRANSFER_TO_SELF':
      return 400;
  }
}

/** The admin API's error shape for the rules of managing admins, on the admins controllers. */
@Catch(AdminManagementError)
export class AdminManagementErrorFilter implements ExceptionFilter {
  catch(error: AdminManagementError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const body: ApiErrorBody = {
      statusCode: adminManagementStatus(error.code),
      code: error.code,
      message: error.message,
      requestId: String(request.id),
    };
    http.getResponse<Response>().status(body.statusCode).json(body);
  }
}
