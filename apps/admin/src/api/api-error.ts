import type { ApiErrorBody } from '@rollcall/contracts';

/** A failed admin API call, with the server's stable `code` and a message fit for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body['code'] === 'string' && typeof body['message'] === 'string';
}

// Messages for codes whose server text is written for API users rather than admins.
const FRIENDLY_MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'Your session has ended. Sign in again.',
  CSRF_TOKEN_INVALID: 'Your session is out of date. Reload the page and try again.',
  INVALID_CREDENTIALS: 'The e-mail or password is not right.',
};

/** Turns any admin API answer that is not 2xx into an ApiError with a readable message. */
export function toApiError(status: number, body: unknown, statusText = ''): ApiError {
  if (isApiErrorBody(body)) {
    const message = FRIENDLY_MESSAGES[body.code] ?? body.message;
    return new ApiError(status, body.code, message, body.requestId);
  }
  if (status === 0) {
    return new ApiError(
      0,
      'NETWORK_ERROR',
      'The server could not be reached. Check your connection.',
    );
  }
  if (status >= 500) {
    return new ApiError(
      status,
      'SERVER_ERROR',
      `The server failed (${status}). Try again in a moment.`,
    );
  }
  return new ApiError(
    status,
    'HTTP_ERROR',
    `The request failed (${status}${statusText ? ` ${statusText}` : ''}).`,
  );
}

/** What to show for an error of any kind. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
