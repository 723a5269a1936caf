import { describe, expect, it } from 'vitest';
import {
  agentCountsAround,
  buildAdaptiveReport,
  buildSimulationReport,
  type SimulationReport,
  type SimulationRequest,
} from '../../../shared/new-campaign/simulation-report';
import { inlineExecutor, runReplicationTask, type ReplicationExecutor } from '../../../shared/simulation/index';

/** Big enough that settings stop at different replication counts between 30 and 200. */
const request: SimulationRequest = {
  contacts: 1_500,
  agents: 8,
  answerRate: 0.3,
  talkSeconds: 150,
  wrapUpSeconds: 20,
  maxCallsPerHour: 400,
  callingHoursPerDay: 8,
  serviceLevel: 0.8,
  targetSeconds: 20,
  replications: 200,
  seed: 1,
};

const valueOf = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

type Figure = { name: string; reference: number; interval: readonly [number, number] };

/** Every figure of the adaptive report beside the reference's figure for the same thing. */
function figuresOf(adaptive: SimulationReport, reference: SimulationReport): Figure[] {
  const figures: Figure[] = [];
  adaptive.ratios.forEach((point, index) => {
    const same = reference.ratios[index]!;
    expect(same.dialRatio).toBe(point.dialRatio);
    figures.push(
      { name: `abandonment at ${point.dialRatio}`, reference: same.abandonRate, interval: [point.abandonRateLow, point.abandonRateHigh] },
      { name: `occupancy at ${point.dialRatio}`, reference: same.occupancy, interval: point.occupancyCi95 },
      { name: `records/h at ${point.dialRatio}`, reference: same.contactsPerHour, interval: point.contactsPerHourCi95 },
    );
  });
  adaptive.agents.forEach((point, index) => {
    const same = reference.agents[index]!;
    expect(same.agents).toBe(point.agents);
    figures.push({ name: `occupancy with ${point.agents} agents`, reference: same.occupancy, interval: point.occupancyCi95 });
  });
  for (const pacing of ['progressive', 'predictive'] as const) {
    const ours = adaptive[pacing]!;
    const theirs = reference[pacing]!;
    figures.push(
      { name: `${pacing} abandonment`, reference: theirs.abandonRate, interval: ours.abandonRateCi95 },
      { name: `${pacing} occupancy`, reference: theirs.occupancy, interval: ours.occupancyCi95 },
      { name: `${pacing} records/h`, reference: theirs.contactsPerHour, interval: ours.contactsPerHourCi95 },
      { name: `${pacing} hours to finish`, reference: theirs.completionHours!, interval: ours.completionHoursCi95! },
    );
  }
  return figures;
}

/** How far outside its interval a figure lies, in half-widths of the interval (0 inside). */
const halfWidthsOutside = ({ reference, interval: [low, high] }: Figure) => {
  const half = (high - low) / 2;
  if (reference >= low && reference <= high) return 0;
  return half === 0 ? Infinity : Math.abs(reference - (low + high) / 2) / half;
};

/** Runs tasks several at a time and answers them in reverse order, as a pool of threads might. */
function outOfOrderExecutor(parallelism: number): ReplicationExecutor {
  let waiting: (() => void)[] = [];
  return {
    parallelism,
    execute(task) {
      return new Promise((resolve) => {
        waiting.push(() => resolve(runReplicationTask(task)));
        if (waiting.length === parallelism) {
          const batch = waiting.reverse();
          waiting = [];
          queueMicrotask(() => batch.forEach((answer) => answer()));
        } else {
          setTimeout(() => {
            const rest = waiting;
            waiting = [];
            rest.reverse().forEach((answer) => answer());
          }, 0);
        }
      });
    },
  };
}

describe('the adaptive Simulate report against the reference (every setting to all replications, one thread)', () => {
  for (const seed of [1, 42]) {
    it(`recommends the same dial ratio, and its intervals hold the reference's figures (seed ${seed})`, async () => {
      const reference = valueOf(buildSimulationReport({ ...request, seed }));
      const adaptive = valueOf(await buildAdaptiveReport({ ...request, seed }, inlineExecutor));

      expect(adaptive.recommendedDialRatio).toBe(reference.recommendedDialRatio);
      expect(adaptive.staffing).toEqual(reference.staffing);
      expect(adaptive.replicationsRun).toBeLessThan(reference.replicationsRun / 2);
      expect(new Set(adaptive.ratios.map((point) => point.replications)).size).toBeGreaterThan(1);

      // A 95% interval misses the reference now and then by chance; never by much, and rarely.
      const figures = figuresOf(adaptive, reference);
      const missed = figures.filter((figure) => halfWidthsOutside(figure) > 0);
      expect(missed.filter((figure) => halfWidthsOutside(figure) > 1.5).map((figure) => figure.name)).toEqual([]);
      expect(missed.length / figures.length).toBeLessThanOrEqual(0.1);
    });
  }

  it('equals the reference figure for figure when the replications asked are no more than the minimum', async () => {
    const small = { ...request, contacts: 600, replications: 12, seed: 7 };
    const reference = valueOf(buildSimulationReport(small));
    const adaptive = valueOf(await buildAdaptiveReport(small, inlineExecutor));
    const { precision, settingsSimulated, replicationsRun } = adaptive;
    expect({ ...reference, precision, settingsSimulated, replicationsRun }).toEqual(adaptive);
    // The reference runs the two completion runs and the allocated agent count again; the adaptive report reuses them.
    expect(settingsSimulated).toBe(reference.settingsSimulated - 3);
  });

  it('gives the same report however many tasks run at once and in whatever order they finish', async () => {
    const inline = valueOf(await buildAdaptiveReport({ ...request, replications: 80 }, inlineExecutor));
    const shuffled = valueOf(await buildAdaptiveReport({ ...request, replications: 80 }, outOfOrderExecutor(3)));
    expect(shuffled).toEqual(inline);
    // Tasks so small that each holds one replication of one setting (as for very long lists).
    const split = valueOf(await buildAdaptiveReport({ ...request, replications: 80 }, outOfOrderExecutor(2), { contactRunsPerTask: 1_000 }));
    expect(split).toEqual(inline);
  });

  it('reports progress that only moves forward and ends at its total, and stops when the signal aborts', async () => {
    const seen: { done: number; total: number }[] = [];
    const report = valueOf(await buildAdaptiveReport({ ...request, replications: 80 }, inlineExecutor, { onProgress: (progress) => seen.push(progress) }));
    expect(seen.at(-1)!.done).toBe(seen.at(-1)!.total);
    expect(seen.every((progress, index) => index === 0 || progress.done / progress.total >= seen[index - 1]!.done / seen[index - 1]!.total)).toBe(true);
    // It starts from the most it could take: the 22 settings of the sweep and every agent count, at 80 replications.
    expect(seen[0]!.total).toBe((22 + agentCountsAround(request.agents, report.staffing.agentsNeeded).length) * 80);
    expect(seen.at(-1)!.total).toBe(report.replicationsRun);

    const controller = new AbortController();
    const cancelled = await buildAdaptiveReport(request, inlineExecutor, {
      signal: controller.signal,
      onProgress: (progress) => progress.done >= 100 && controller.abort(),
    });
    expect(cancelled).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
  });

  it('names the setting to fix when the inputs are out of range', async () => {
    const result = await buildAdaptiveReport({ ...request, contacts: 0 }, inlineExecutor);
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(/contacts/i) } });
  });
});
