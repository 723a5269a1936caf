import { nextTurn } from './next-turn';

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
  // One worker starts per turn of the event loop: started together, every worker prepared its
  // request before the first one's went out (16 workers put the emergency pause's first PATCH ~20 ms late).
  const runs: Promise<void>[] = [];
  let turn: Promise<void> = Promise.resolve();
  for (let i = 0; i < Math.max(1, Math.min(limit, items.length)); i++) {
    runs.push(turn.then(worker));
    turn = turn.then(nextTurn);
  }
  await Promise.all(runs);
  return { results, started: next };
}
