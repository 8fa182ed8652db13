import { restartDelayMs } from './cluster.primary';

describe('restartDelayMs', () => {
  it('replaces a worker that ran a while at once', () => {
    expect(restartDelayMs(0)).toBe(0);
  });

  it('doubles the wait for each worker in a row that died young, up to 30 s', () => {
    expect([1, 2, 3, 4].map(restartDelayMs)).toEqual([250, 500, 1000, 2000]);
    expect(restartDelayMs(8)).toBe(30_000);
    expect(restartDelayMs(50)).toBe(30_000);
  });
});
