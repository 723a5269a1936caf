import type { Clock } from '../../../electron/tenant/clock';

interface Sleeper {
  at: number;
  resolve: () => void;
}

/** A clock that only moves when the test says so. */
export function createManualClock(start = 1_700_000_000_000) {
  let now = start;
  const sleepers: Sleeper[] = [];
  const clock: Clock & { advance(ms: number): Promise<void>; pendingSleeps(): number } = {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const sleeper: Sleeper = { at: now + Math.max(0, ms), resolve };
        sleepers.push(sleeper);
        signal?.addEventListener(
          'abort',
          () => {
            const index = sleepers.indexOf(sleeper);
            if (index >= 0) sleepers.splice(index, 1);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    },
    /** Moves time forward, waking sleepers in order and letting their continuations run. */
    async advance(ms) {
      const target = now + ms;
      for (;;) {
        sleepers.sort((a, b) => a.at - b.at);
        const first = sleepers[0];
        if (!first || first.at > target) break;
        sleepers.shift();
        now = Math.max(now, first.at);
        first.resolve();
        await flush();
      }
      now = target;
      await flush();
    },
    pendingSleeps: () => sleepers.length,
  };
  return clock;
}

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}
