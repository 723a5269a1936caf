/**
 * Runs `work` over items with at most `limit` in flight, reporting each result as it
 * lands. Pacing against the tenant is the rate limiter's job; this only keeps enough
 * requests queued for the limiter to run at full speed. Stops starting new items once
 * the signal aborts; items already started finish.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
  options: { signal?: AbortSignal; onResult?: (result: R, index: number) => void } = {},
): Promise<{ results: (R | undefined)[]; started: number }> {
  const results: (R | undefined)[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length && !options.signal?.aborted) {
      const index = next++;
      const result = await work(items[index] as T, index);
      results[index] = result;
      options.onResult?.(result, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return { results, started: next };
}
