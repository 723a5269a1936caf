// `npm run bench`: prints the figures each issue asks to be measured. Never asserts.
import { benchEmergencyPause } from '../electron/campaigns/bench-emergency-pause';
import { benchDispositionImport } from '../electron/dispositions/import/bench-import';
import { benchParse } from '../electron/dispositions/reading/bench';
import { benchClientThroughput } from '../electron/tenant/bench';
import { createSimulationPool } from '../electron/new-campaign/simulation-pool';
import { benchAdaptiveReport, benchCampaignReport, type CampaignReportBench } from '../shared/new-campaign/bench';
import { inlineExecutor } from '../shared/simulation/adaptive-driver';
import { benchSimulation } from '../shared/simulation/bench';

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const clock = () => performance.now();

function print(title: string, figures: Record<string, string | number | null>) {
  console.log(`\n${title}`);
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(28)} ${value ?? '—'}`);
}

if (wanted('client')) {
  const figures = await benchClientThroughput({ rateLimitPerSecond: 100, requests: 1500, concurrency: 32 });
  print('client: 1,500 GETs against a 100 requests/s tenant, client configured at 400/s', {
    'wall time': seconds(figures.wallMs),
    'requests per second': figures.requestsPerSecond,
    'share of the limit used': figures.fractionOfLimit,
    'share of answers that were 429': figures.share429,
  });
}

if (wanted('emergency')) {
  for (const clientMax of [50, 200]) {
    const figures = await benchEmergencyPause({ running: 500, latencyMs: 40, rateLimitPerSecond: 50, clientMaxRequestsPerSecond: clientMax });
    print(`emergency pause: 500 running campaigns, 40 ms latency, tenant limit 50/s, client configured at ${clientMax}/s`, {
      'paused (or already)': `${figures.paused} of ${figures.running}`,
      'not paused': figures.notPaused,
      'wall time': seconds(figures.wallMs),
      'floor (500 / 50 per s)': seconds(figures.floorMs),
      'wall ÷ floor': figures.wallOverFloor,
      'requests (token, list, PATCH)': figures.requests,
      '429 answers': figures.rateLimited,
    });
  }
}

if (wanted('parse')) {
  const figures = await benchParse({ rows: 1_000_000 });
  print('disposition file scan: 1,000,000 rows (quoted notes, every 10th contact repeated), read + validate + de-duplicate', {
    'file size': `${(figures.bytes / 1_048_576).toFixed(1)} MiB`,
    'scan time': `${figures.seconds.toFixed(2)} s`,
    'scan throughput': `${figures.mbPerSecond.toFixed(1)} MiB/s (file size ÷ scan time)`,
    'peak RSS': `${figures.peakRssMb.toFixed(0)} MiB (limit 150)`,
    'winners / superseded': `${figures.counts.winners} / ${figures.counts.superseded}`,
    'duplicates / invalid': `${figures.counts.duplicates} / ${figures.counts.invalid}`,
    ...Object.fromEntries(figures.rawParsers.map((raw) => [`raw parse, ${raw.parser}`, `${raw.mbPerSecond.toFixed(1)} MiB/s (${raw.records} records)`])),
    'scan ÷ fastest raw parse': `${figures.scanOverFastest.toFixed(3)} (goal ≥ 0.333)`,
  });
}

if (wanted('import')) {
  const figures = await benchDispositionImport({ rows: 5000, latencyMs: 40, requestsPerSecond: 50 });
  print('disposition import: 5,000 rows, 40 ms latency, 50 requests/s', {
    'applied / failed': `${figures.applied} / ${figures.failed}`,
    'wall time': seconds(figures.wallMs),
    'floor, rows ÷ rate': seconds(figures.floorRowsMs),
    'wall ÷ floor': figures.wallOverFloor.toFixed(2),
    'requests per row': figures.requestsPerRow.toFixed(3),
    'rows per second': figures.rowsPerSecond.toFixed(1),
    '429 answers': `${figures.rateLimited} of ${figures.requests} requests`,
    'row latency p50 / p95': `${figures.latencyP50Ms ?? '—'} / ${figures.latencyP95Ms ?? '—'} ms`,
  });
}

if (wanted('simulation')) {
  // Other work shares this machine's cores: each figure is the fastest of a few runs, with the CPU time
  // (all threads of this process) beside the wall time, since CPU time hardly moves with that load.
  const cpuMs = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  type Timed<T> = T & { ms: number; cpu: number };
  async function fastest<T extends { ms: number }>(runs: number, once: () => T | Promise<T>): Promise<Timed<T>> {
    let best: Timed<T> | null = null;
    for (let k = 0; k < runs; k++) {
      const cpuBefore = cpuMs();
      const figures = await once();
      const timed = { ...figures, cpu: cpuMs() - cpuBefore };
      if (!best || timed.ms < best.ms) best = timed;
    }
    return best as Timed<T>;
  }
  const setting = await fastest(3, () => benchSimulation(clock));
  print('dialer simulation: one setting, 10,000 contacts × 200 replications, predictive (fastest of 3)', {
    'wall time': seconds(setting.ms),
    'CPU time': seconds(setting.cpu),
  });
  const line = (figures: Timed<CampaignReportBench>) =>
    `${seconds(figures.ms)} = ${(figures.ms / setting.ms).toFixed(1)}× one setting (CPU ${seconds(figures.cpu)} = ${(figures.cpu / setting.cpu).toFixed(1)}×); ` +
    `${figures.settingsSimulated} settings, ${figures.replicationsRun.toLocaleString('en-US')} replications, recommends ${figures.recommendedDialRatio ?? 'progressive'}`;
  const before = await fastest(1, () => benchCampaignReport(clock));
  const inline = await fastest(2, () => benchAdaptiveReport(clock, inlineExecutor));
  const pool = createSimulationPool();
  const first = await fastest(1, () => benchAdaptiveReport(clock, pool));
  const warm = await fastest(3, () => benchAdaptiveReport(clock, pool));
  await pool.close();
  print('new campaign Simulate step: 10,000 contacts, up to 200 replications per setting', {
    'before: all 200, one thread': line(before),
    'after: adaptive, one thread': line(inline),
    [`after: ${pool.parallelism} threads, first run`]: line(first),
    [`after: ${pool.parallelism} threads, fastest of 3`]: line(warm),
    'after ÷ before (wall)': (warm.ms / before.ms).toFixed(3),
  });
}
