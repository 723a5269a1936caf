import { describe, expect, it } from 'vitest';
import { dialerSimulationSteps, dialRatioSteps, runSteps, runStepsAsync, simulateDialer } from '../../../shared/simulation';
import { busyCampaign } from './dialer-inputs';

describe('progress and cancellation', () => {
  it('reports progress once per replication up to the total', () => {
    const seen: Array<[number, number]> = [];
    const result = simulateDialer({ ...busyCampaign, replications: 5 }, { onProgress: (done, total) => seen.push([done, total]) });
    expect(result.ok).toBe(true);
    expect(seen).toEqual([
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
      [5, 5],
    ]);
  });

  it('stops between replications when asked and says it was cancelled', () => {
    let reported = 0;
    const result = simulateDialer(busyCampaign, { onProgress: (done) => (reported = done), shouldCancel: () => reported >= 3 });
    expect(reported).toBe(3);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('cancelled');
  });

  it('reports a sweep on one scale: every ratio and the progressive baseline', () => {
    const totals = new Set<number>();
    let last = 0;
    runSteps(dialRatioSteps({ ...busyCampaign, replications: 3 }, { ratios: [1, 2] }), {
      onProgress: (done, total) => {
        expect(done).toBe(last + 1);
        last = done;
        totals.add(total);
      },
    });
    expect([...totals]).toEqual([9]);
    expect(last).toBe(9);
  });

  it('gives the event loop a turn between replications and ends with the same result as the synchronous run', async () => {
    let pauses = 0;
    const asyncResult = await runStepsAsync(dialerSimulationSteps({ ...busyCampaign, replications: 4 }), {
      pause: async () => {
        pauses++;
      },
    });
    expect(pauses).toBe(4);
    expect(asyncResult).toEqual(simulateDialer({ ...busyCampaign, replications: 4 }));
  });

  it('can be cancelled while running asynchronously', async () => {
    let cancel = false;
    const result = await runStepsAsync(dialerSimulationSteps(busyCampaign), {
      pause: async () => {
        cancel = true;
      },
      shouldCancel: () => cancel,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('cancelled');
  });
});
