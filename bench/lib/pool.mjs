/**
 * Runs `worker(item, index)` over a fixed list with at most `concurrency` in flight, the way
 * Entra's provisioning job works through its queue. Bounded by the list: it always ends.
 * Stops handing out new items once `signal` aborts or a worker throws (a bug in the bench,
 * not a failed request: those are recorded, not thrown); items already started finish,
 * then the first thrown error is rethrown.
 */
export async function runPool(items, concurrency, worker, signal) {
  let next = 0;
  let failure;
  const lane = async () => {
    while (next < items.length && !signal?.aborted && !failure) {
      const index = next++;
      try {
        await worker(items[index], index);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  if (failure) throw failure;
}
