import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulationPool, type SimulationPool } from '../../../electron/new-campaign/simulation-pool';
import { createSimulationService } from '../../../electron/new-campaign/simulation-service';
import { ConsoleFailure } from '../../../shared/errors';
import { buildAdaptiveReport, type SimulationRequest } from '../../../shared/new-campaign/simulation-report';
import { inlineExecutor } from '../../../shared/simulation/index';

const request: SimulationRequest = {
  contacts: 1_000,
  agents: 8,
  answerRate: 0.3,
  talkSeconds: 150,
  wrapUpSeconds: 20,
  maxCallsPerHour: 400,
  callingHoursPerDay: 8,
  serviceLevel: 0.8,
  targetSeconds: 20,
  replications: 60,
  seed: 5,
};
/** Long enough that it is still running when cancelled. */
const longRequest: SimulationRequest = { ...request, contacts: 200_000, replications: 2_000 };

describe('the simulation pool (worker threads in the main process)', () => {
  let dir: string;
  let workerUrl: URL;
  let pool: SimulationPool;
  beforeAll(() => {
    // A worker thread cannot load TypeScript: build the entry the way `npm run build` does.
    dir = mkdtempSync(join(tmpdir(), 'cxone-sim-pool-'));
    const outfile = join(dir, 'simulation-worker.mjs');
    buildSync({ entryPoints: ['electron/new-campaign/simulation-worker.ts'], outfile, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
    workerUrl = pathToFileURL(outfile);
    pool = createSimulationPool({ size: 2, workerUrl });
  });
  afterAll(async () => {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the report the calling thread gives for the same seed', async () => {
    const onThreads = await buildAdaptiveReport(request, pool);
    const inline = await buildAdaptiveReport(request, inlineExecutor);
    expect(onThreads.ok).toBe(true);
    expect(onThreads).toEqual(inline);
  });

  it('cancels a long run at once, and then runs the next one', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    const cancelled = buildAdaptiveReport(longRequest, pool, {
      signal: controller.signal,
      onProgress: ({ done }) => {
        progress.push(done);
        controller.abort();
      },
    });
    expect(await cancelled).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(progress.length).toBeGreaterThan(0);
    expect(await buildAdaptiveReport(request, pool)).toEqual(await buildAdaptiveReport(request, inlineExecutor));
  });

  it('says a worker stopped when one dies, instead of waiting for it', async () => {
    const broken = join(dir, 'dies.mjs');
    writeFileSync(broken, 'process.exit(3);\n');
    const dying = createSimulationPool({ size: 1, workerUrl: pathToFileURL(broken) });
    try {
      const result = await buildAdaptiveReport(request, dying);
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'internal', message: expect.stringMatching(/simulation worker stopped: it exited with code 3/) },
      });
    } finally {
      await dying.close();
    }
  });

  it('serves the wizard by run id: progress events for that run, and Cancel ends it as cancelled', async () => {
    const events: { runId: string; done: number; total: number }[] = [];
    const service = createSimulationService({ pool, onProgress: (event) => events.push(event) });
    const report = await service.handlers['newCampaign:simulate']({ runId: 'run-a', request });
    expect(report.recommendedDialRatio).not.toBeUndefined();
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.runId === 'run-a')).toBe(true);
    expect(events.at(-1)).toMatchObject({ kind: 'simulation', state: 'finished', done: report.replicationsRun, total: report.replicationsRun });

    const running = service.handlers['newCampaign:simulate']({ runId: 'run-b', request: longRequest });
    const failure = running.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(await service.handlers['newCampaign:cancelSimulation']({ runId: 'run-b' })).toEqual({ cancelled: true });
    const thrown = await failure;
    expect(thrown).toBeInstanceOf(ConsoleFailure);
    expect((thrown as ConsoleFailure).error.kind).toBe('cancelled');
    expect(await service.handlers['newCampaign:cancelSimulation']({ runId: 'run-b' })).toEqual({ cancelled: false });
  });
});
