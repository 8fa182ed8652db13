import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import type { RecordProvisioningRequest } from '@rollcall/audit';
import { ProvisioningLogMiddleware } from './provisioning-log.middleware';

// The log hook runs after the answer went out, on the response's 'finish' event: anything it
// throws there would be an uncaught exception that ends the process.

function aFinishedScimRequest(middleware: ProvisioningLogMiddleware): void {
  const response = Object.assign(new EventEmitter(), { locals: {}, statusCode: 201 });
  const request = {
    user: { organizationId: 'org-1', tokenPrefix: 'rcs_abc' },
    id: 'req-1',
    method: 'POST',
    path: '/scim/v2/Users',
    originalUrl: '/scim/v2/Users',
    query: {},
    body: { userName: 'a@example.com' },
  };
  const next: NextFunction = () => undefined;
  middleware.use(request as unknown as Request, response as unknown as Response, next);
  response.emit('finish');
}

describe('ProvisioningLogMiddleware', () => {
  it('records a finished request', () => {
    const recorded: unknown[] = [];
    const recorder = { execute: (entry: unknown) => recorded.push(entry) };
    aFinishedScimRequest(
      new ProvisioningLogMiddleware(recorder as unknown as RecordProvisioningRequest),
    );
    expect(recorded).toEqual([
      expect.objectContaining({ organizationId: 'org-1', method: 'POST', status: 201 }),
    ]);
  });

  it('never lets a recording failure escape the finish event, and counts it', () => {
    let lost = 0;
    const recorder = {
      execute: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
      countLost: () => (lost += 1),
    };
    const middleware = new ProvisioningLogMiddleware(
      recorder as unknown as RecordProvisioningRequest,
    );
    expect(() => aFinishedScimRequest(middleware)).not.toThrow();
    expect(() => aFinishedScimRequest(middleware)).not.toThrow();
    expect(middleware.failures).toBe(2);
    // …where /metrics reads it: rollcall_provisioning_log_dropped_total{reason="hook"}.
    expect(lost).toBe(2);
  });
});
