import { HEAP_FLAGS, workerExecArgv } from './heap-tuning';

describe('workerExecArgv', () => {
  it('adds the heap flags to what the primary was started with', () => {
    expect(workerExecArgv(['--enable-source-maps'], undefined)).toEqual([
      '--enable-source-maps',
      ...HEAP_FLAGS,
    ]);
  });

  it('keeps an operator’s own value, given on the command line or in NODE_OPTIONS', () => {
    expect(workerExecArgv(['--max-semi-space-size=32'], undefined)).toEqual([
      '--max-semi-space-size=32',
      '--heap-growing-percent=100',
    ]);
    expect(workerExecArgv([], '--max-old-space-size=512 --heap_growing_percent=300')).toEqual([
      '--max-semi-space-size=8',
    ]);
  });
});
