import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from '../../../electron/concurrency/map-with-concurrency';

/** Work that stands for a request: prepared over a few promise steps, then waits on I/O (a macrotask). */
const requestLike = (note: (line: string) => void) => async (item: string) => {
  note(`start ${item}`);
  await Promise.resolve();
  await Promise.resolve();
  note(`sent ${item}`);
  await new Promise<void>((resolve) => setImmediate(resolve));
  return item.toUpperCase();
};

describe('mapWithConcurrency', () => {
  it('maps every item, in place, with at most `limit` in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const { results, started } = await mapWithConcurrency(['a', 'b', 'c', 'd', 'e'], 2, async (item) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise<void>((resolve) => setImmediate(resolve));
      inFlight--;
      return item.toUpperCase();
    });
    expect(results).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(started).toBe(5);
    expect(most).toBe(2);
  });

  it("sends the first item's request before the other workers prepare theirs", async () => {
    const log: string[] = [];
    await mapWithConcurrency(
      ['a', 'b', 'c'],
      3,
      requestLike((line) => log.push(line)),
    );
    // Started together, every worker's preparation ran before the first request went out.
    expect(log.slice(0, 3)).toEqual(['start a', 'sent a', 'start b']);
  });

  it('starts nothing more once the signal aborts', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const { started } = await mapWithConcurrency(
      ['a', 'b', 'c', 'd'],
      1,
      async (item) => {
        seen.push(item);
        if (item === 'b') controller.abort();
        return item;
      },
      { signal: controller.signal },
    );
    expect(seen).toEqual(['a', 'b']);
    expect(started).toBe(2);
  });
});
