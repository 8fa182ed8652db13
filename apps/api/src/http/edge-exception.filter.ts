import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { writeEdgeError } from './edge-error.writer';

/** The last line: anything no controller filter handled, including unknown routes. */
@Catch()
export class EdgeExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    writeEdgeError(
      exception,
      http.getRequest<Request>(),
      http.getResponse<Response>(),
      this.logger,
    );
  }
}
