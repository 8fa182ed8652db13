import { ApiError, errorMessage, toApiError } from './api-error';

describe('toApiError', () => {
  it('keeps the code and message of the admin error shape', () => {
    const error = toApiError(409, {
      statusCode: 409,
      code: 'TEAM_NAME_TAKEN',
      message: 'A team named "Platform" exists.',
      requestId: 'r1',
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(409);
    expect(error.code).toBe('TEAM_NAME_TAKEN');
    expect(error.message).toBe('A team named "Platform" exists.');
    expect(error.requestId).toBe('r1');
  });

  it('rewrites session codes into what an admin should do', () => {
    expect(
      toApiError(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in to continue.' })
        .message,
    ).toBe('Your session has ended. Sign in again.');
  });

  it('explains answers without the error shape by status', () => {
    expect(toApiError(502, '<html>Bad gateway</html>').message).toMatch(/server failed \(502\)/);
    expect(toApiError(0, null).code).toBe('NETWORK_ERROR');
    expect(toApiError(404, null, 'Not Found').message).toBe('The request failed (404 Not Found).');
  });
});

describe('errorMessage', () => {
  it('falls back to a generic sentence', () => {
    expect(errorMessage('nope')).toBe('Something went wrong.');
    expect(errorMessage(new Error('boom'))).toBe('boom');
  });
});
