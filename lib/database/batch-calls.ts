type Waiting<I, O> = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };

/**
 * Group commit for one process: calls made while a batch is being applied wait and are applied
 * together in the next one (at most `maxBatch` at a time), so under load many callers share one
 * transaction and, alone, a call is applied at once. `apply` returns one result per item, in order.
 * When a batch of several fails with an error `isolate` accepts, each item is applied alone, so one
 * bad item fails by itself; other errors (the database out of reach) reject the whole batch.
 */
export function batchCalls<I, O>(options: {
  apply: (items: I[]) => Promise<O[]>;
  maxBatch: number;
  isolate: (error: unknown) => boolean;
}): (item: I) => Promise<O> {
  const waiting: Waiting<I, O>[] = [];
  let draining = false;

  const settle = async (batch: Waiting<I, O>[]) => {
    try {
      const results = await options.apply(batch.map((call) => call.item));
      batch.forEach((call, index) => call.resolve(results[index]!));
    } catch (error) {
      if (batch.length === 1 || !options.isolate(error)) {
        for (const call of batch) call.reject(error);
        return;
      }
      for (const call of batch) await settle([call]);
    }
  };

  const drain = async () => {
    if (draining) return;
    draining = true;
    try {
      while (waiting.length > 0) await settle(waiting.splice(0, options.maxBatch));
    } finally {
      draining = false;
    }
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      void drain();
    });
}
