/** The queue in front of a ConcurrencyLimiter is full: the work was not started. */
export class ConcurrencyLimitError extends Error {
  constructor() {
    super('Too much of this work is waiting already.');
    this.name = 'ConcurrencyLimitError';
  }
}

/**
 * A semaphore for expensive in-process work (a 128 MiB scrypt): at most `maxRunning` at once,
 * at most `maxWaiting` queued behind them, and the rest refused at once instead of piling up
 * memory and latency for everyone.
 */
export class ConcurrencyLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly maxRunning: number,
    private readonly maxWaiting: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.maxRunning) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxWaiting) {
      return Promise.reject(new ConcurrencyLimitError());
    }
    // The slot is handed over by release(), so `running` never dips below the true count.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
