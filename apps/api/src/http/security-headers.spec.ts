import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { helmetOptions } from '../create-app';
import { securityHeaders } from './security-headers';

type Handler = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/** The headers a middleware leaves on a response that starts with X-Powered-By set. */
function headersAfter(middleware: Handler): Record<string, unknown> {
  const headers = new Map<string, unknown>([['x-powered-by', 'Express']]);
  const response = {
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), value),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
  } as unknown as ServerResponse;
  const request = { headers: {}, url: '/scim/v2/Users', method: 'GET' } as IncomingMessage;
  let nextCalled = false;
  middleware(request, response, () => {
    nextCalled = true;
  });
  expect(nextCalled).toBe(true);
  return Object.fromEntries(headers);
}

describe('securityHeaders', () => {
  it.each(['http://localhost:3000', 'https://rollcall.example.com'])(
    'sets exactly what helmet sets, behind %s',
    (publicUrl) => {
      const options = helmetOptions(publicUrl);
      const expected = headersAfter(helmet(options) as unknown as Handler);
      const actual = headersAfter(securityHeaders(options) as Handler);
      expect(actual).toEqual(expected);
      expect(Object.keys(actual)).toEqual(
        expect.arrayContaining(['content-security-policy', 'x-content-type-options']),
      );
      expect(actual).not.toHaveProperty('x-powered-by');
      expect('strict-transport-security' in actual).toBe(publicUrl.startsWith('https:'));
    },
  );

  it('replays precomputed headers instead of running helmet per request', () => {
    const middleware = securityHeaders(helmetOptions('https://rollcall.example.com'));
    expect(middleware.name).not.toBe('helmetMiddleware');
  });

  it('keeps helmet where a header depends on the request (a CSP nonce)', () => {
    const middleware = securityHeaders({
      contentSecurityPolicy: {
        directives: { scriptSrc: [(_request: IncomingMessage) => `'nonce-${randomUUID()}'`] },
      },
    });
    const first = headersAfter(middleware as Handler)['content-security-policy'];
    const second = headersAfter(middleware as Handler)['content-security-policy'];
    expect(first).toMatch(/'nonce-/);
    expect(first).not.toEqual(second);
  });
});
