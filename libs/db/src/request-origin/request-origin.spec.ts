import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { currentRequestOrigin, runWithRequestOrigin } from './request-origin';

describe('request origin', () => {
  it('is undefined outside a request', () => {
    expect(currentRequestOrigin()).toBeUndefined();
  });

  it('keeps the origin across awaits, timers, microtasks and emitted events', async () => {
    const emitter = new EventEmitter();
    const seen = await runWithRequestOrigin({ clientIp: '203.0.113.9' }, async () => {
      const ips: (string | null | undefined)[] = [currentRequestOrigin()?.clientIp];
      await sleep(1);
      ips.push(currentRequestOrigin()?.clientIp);
      await new Promise<void>((resolve) => setImmediate(resolve));
      ips.push(currentRequestOrigin()?.clientIp);
      await Promise.resolve();
      ips.push(currentRequestOrigin()?.clientIp);
      const fromEvent = new Promise<string | null | undefined>((resolve) =>
        emitter.once('go', () => resolve(currentRequestOrigin()?.clientIp)),
      );
      emitter.emit('go');
      ips.push(await fromEvent);
      return ips;
    });
    expect(seen).toEqual(Array(5).fill('203.0.113.9'));
    expect(currentRequestOrigin()).toBeUndefined();
  });

  it('keeps concurrent requests apart', async () => {
    const serve = (clientIp: string, delayMs: number) =>
      runWithRequestOrigin({ clientIp }, async () => {
        await sleep(delayMs);
        return currentRequestOrigin()?.clientIp;
      });
    // The first started finishes last: a shared variable would hand both the second's address.
    expect(await Promise.all([serve('198.51.100.1', 20), serve('198.51.100.2', 1)])).toEqual([
      '198.51.100.1',
      '198.51.100.2',
    ]);
  });

  it('holds its own copy of the origin, and a null address', async () => {
    const origin = { clientIp: '192.0.2.7' as string | null };
    const read = runWithRequestOrigin(origin, async () => {
      await sleep(1);
      return currentRequestOrigin();
    });
    origin.clientIp = '192.0.2.8';
    expect(await read).toEqual({ clientIp: '192.0.2.7' });
    expect(runWithRequestOrigin({ clientIp: null }, () => currentRequestOrigin())).toEqual({
      clientIp: null,
    });
  });
});
