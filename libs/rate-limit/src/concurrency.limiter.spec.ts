import { ConcurrencyLimitError, ConcurrencyLimiter } from './concurrency.limiter';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('ConcurrencyLimiter', () => {
  it('runs at most maxRunning at once, queues up to maxWaiting and refuses the rest', async () => {
    const limiter = new ConcurrencyLimiter(2, 1);
    const gates = [deferred(), deferred(), deferred()];
    let running = 0;
    let peak = 0;
    const work = (gate: { promise: Promise<void> }) => async () => {
      running += 1;
      peak = Math.max(peak, running);
      await gate.promise;
      running -= 1;
      return 'done';
    };
    const accepted = gates.map((gate) => limiter.run(work(gate)));
    await expect(limiter.run(async () => 'late')).rejects.toBeInstanceOf(ConcurrencyLimitError);
    expect(running).toBe(2);
    for (const gate of gates) gate.resolve();
    await expect(Promise.all(accepted)).resolves.toEqual(['done', 'done', 'done']);
    expect(peak).toBe(2);
    // Every slot came back: a full round fits again.
    await expect(limiter.run(async () => 'again')).resolves.toBe('again');
  });

  it('frees the slot when the work fails', async () => {
    const limiter = new ConcurrencyLimiter(1, 0);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'ok')).resolves.toBe('ok');
  });
});
