// `npm run bench`: prints the figures each issue asks to be measured. Never asserts.
import { benchEmergencyPause } from '../electron/campaigns/bench-emergency-pause';
import { benchDispositionImport } from '../electron/dispositions/import/bench-import';
import { benchParse } from '../electron/dispositions/reading/bench';
import { benchClientThroughput } from '../electron/tenant/bench';
import { benchCampaignReport } from '../shared/new-campaign/bench';
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
  const sim = benchSimulation(clock);
  print('dialer simulation: 10,000 contacts × 200 replications, predictive', { time: seconds(sim.ms) });
  const report = benchCampaignReport(clock);
  print('new campaign Simulate step: 10,000 contacts × 200 replications per setting', {
    'settings simulated': report.settingsSimulated,
    time: seconds(report.ms),
  });
}
