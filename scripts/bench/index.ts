// `npm run bench`: prints the figures each issue asks to be measured. Never asserts.
import { benchEmergencyPause } from './emergency-pause';
import { benchAdminEmergencyPause } from './admin-emergency-pause';
import { benchCliEmergencyPause, type CliEmergencyPauseFigures } from './cli-emergency-pause';
import { benchDispositionImport } from './disposition-import';
import { benchAdminDispositionImport } from './admin-disposition-import';
import { benchParse, type ParseBenchResult } from './parse';
import { benchClientThroughput } from './client-throughput';
import { createSimulationPool } from '../../electron/new-campaign/simulation-pool';
import { benchRateConvergence } from './rate-convergence';
import { benchAdaptiveReport, benchCampaignReport, type CampaignReportBench } from './campaign-report';
import { inlineExecutor } from '../../shared/simulation/adaptive-driver';
import { benchSimulation } from './simulation';
import { benchScheduleGate } from './schedule-gate';
import { benchCapacityTick, type CapacityTickFigures } from './capacity-tick';

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

if (wanted('convergence')) {
  for (const configured of [20, 50, 200]) {
    const figures = await benchRateConvergence({ tenantRatePerSecond: 40, configuredRatePerSecond: configured, seconds: 12 });
    print(`pacing: client configured at ${configured}/s against a 40/s token bucket (saturated for 12 s)`, {
      'admitted per second, each s': figures.admittedPerSecond.join(' '),
      'converged (within 10%) after': figures.convergedAfterMs === null ? 'not converged' : seconds(figures.convergedAfterMs),
      'rate held at the end': `${figures.finalRatePerSecond}/s (learned limit ${figures.learnedLimitPerSecond ?? '—'}/s)`,
      'after convergence ÷ tenant rate': figures.afterConvergenceOverLimit,
      'share of answers that were 429': figures.share429,
    });
  }
}

if (wanted('emergency')) {
  for (const clientMax of [20, 50, 200]) {
    const figures = await benchEmergencyPause({
      running: 300,
      latencyMs: 40,
      rateLimitPerSecond: 40,
      clientMaxRequestsPerSecond: clientMax,
      faults: true,
      listKnown: true,
    });
    print(
      `emergency pause (app, list known): 300 running campaigns, hostile tenant (40/s bucket, 3% 503, 2% lost after apply, 1% dropped writes), client configured at ${clientMax}/s`,
      {
        'paused (or already)': `${figures.paused} of ${figures.running}`,
        'not paused': figures.notPaused,
        'wall time': seconds(figures.wallMs),
        'floor (300 ÷ 40 per s)': seconds(figures.floorMs),
        'wall ÷ floor (target ≤ 1.2)': figures.wallOverFloor,
        'first PATCH after the click': figures.firstPatchMs === null ? '—' : `${figures.firstPatchMs} ms (target ≤ 300)`,
        'first progress after the click': figures.firstProgressMs === null ? '—' : `${figures.firstProgressMs} ms (target ≤ 300)`,
        'requests (token, list, PATCH)': figures.requests,
        '429 share (target ≤ 0.05)': `${figures.share429} (${figures.rateLimited})`,
      },
    );
  }
  const clean = await benchEmergencyPause({ running: 500, latencyMs: 40, rateLimitPerSecond: 50, clientMaxRequestsPerSecond: 200 });
  print('emergency pause: 500 running campaigns, 40 ms latency, tenant limit 50/s, no faults, client configured at 200/s', {
    'paused (or already)': `${clean.paused} of ${clean.running}`,
    'wall time': seconds(clean.wallMs),
    'wall ÷ floor': clean.wallOverFloor,
    '429 share': `${clean.share429} (${clean.rateLimited})`,
  });
}

if (wanted('emergency') || wanted('emergency-cli')) {
  // A new process each run, as an operator types it: from the spawn call to the tenant receiving the first PATCH.
  const ms = (value: number | null) => (value === null ? '—' : `${value} ms`);
  const median = (values: (number | null)[]) => {
    const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
    return known.length === 0 ? null : (known[Math.floor(known.length / 2)] ?? null);
  };
  const extraCaCerts = process.env.NODE_EXTRA_CA_CERTS;
  const variants = [
    { faults: true, savedList: false, earlierList: false, withoutExtraCaCerts: false },
    { faults: false, savedList: false, earlierList: false, withoutExtraCaCerts: false },
    { faults: true, savedList: true, earlierList: false, withoutExtraCaCerts: false },
    { faults: false, savedList: true, earlierList: false, withoutExtraCaCerts: false },
    { faults: true, savedList: false, earlierList: true, withoutExtraCaCerts: false },
    { faults: false, savedList: false, earlierList: true, withoutExtraCaCerts: false },
    // A machine whose NODE_EXTRA_CA_CERTS names a certificate bundle reads it at every Node start, before any of the command's code.
    ...(extraCaCerts ? [{ faults: false, savedList: false, earlierList: true, withoutExtraCaCerts: true }] : []),
  ];
  for (const { faults, savedList, earlierList, withoutExtraCaCerts } of variants) {
    const runs: CliEmergencyPauseFigures[] = [];
    const options = { running: 300, latencyMs: 40, rateLimitPerSecond: 40, faults, savedList, earlierList, withoutExtraCaCerts };
    for (let i = 0; i < 5; i++) runs.push(await benchCliEmergencyPause(options));
    // The child's own steps need a preload that costs it time: one more run, with it, for those.
    const traced = await benchCliEmergencyPause({ ...options, traced: true });
    const inTraced = (value: number | null) => `${ms(value)}  (one run with the trace preload)`;
    const step = (pick: (figures: CliEmergencyPauseFigures) => number | null) =>
      `${ms(median(runs.map(pick)))}  (runs: ${runs.map((r) => ms(pick(r))).join(', ')})`;
    const firstPatch = median(runs.map((r) => r.steps.firstPatchArrived));
    const tenantKind = faults
      ? 'hostile tenant (40/s, 40 ms latency; its first fault, a 503, meets the first listing request)'
      : 'tenant at 40/s, 40 ms latency, no faults';
    const known =
      (earlierList
        ? 'after a `campaigns list` (the data folder holds the campaigns it saw dialing and its sealed token)'
        : savedList
          ? 'the data folder holds the campaigns last seen dialing (saved by the app), no token'
          : 'nothing saved in the data folder') + (withoutExtraCaCerts ? `; without this machine's NODE_EXTRA_CA_CERTS (${extraCaCerts})` : '');
    print(`emergency pause (command line, a new process per run, medians of ${runs.length}): \`campaigns pause --all\`, 300 running, ${tenantKind}; ${known}`, {
      'paused (or already)': runs.map((r) => `${r.paused} of ${r.running} (exit ${r.exitCode})`).join(', '),
      'spawn → Node ready': inTraced(traced.steps.nodeReady),
      'spawn → first request sent': inTraced(traced.steps.firstRequestSent),
      'spawn → token at tenant': step((r) => r.steps.tokenArrived),
      'spawn → token answered': inTraced(traced.steps.tokenAnswered),
      'spawn → 1st list at tenant': step((r) => r.steps.firstListArrived),
      'spawn → 1st page answered': inTraced(traced.steps.firstListAnswered),
      'spawn → 1st PATCH at tenant': step((r) => r.steps.firstPatchArrived),
      'the same, with the trace preload': ms(traced.steps.firstPatchArrived),
      'first PATCH ÷ 300 ms limit': firstPatch === null ? '—' : Math.round((firstPatch / 300) * 100) / 100,
      'list requests before it': runs.map((r) => r.steps.listRequestsBeforeFirstPatch).join(', '),
      'spawn → exit (wall)': step((r) => r.steps.exited),
      'wall ÷ floor (7.50 s)': runs.map((r) => r.wallOverFloor).join(', '),
      '429 share (target ≤ 0.05)': runs.map((r) => `${r.share429} (${r.rateLimited})`).join(', '),
    });
  }
}

function checkCommandLine(run: ParseBenchResult['checkCommand']): string {
  const mb = (value: number | null) => (value === null ? '—' : value.toFixed(0));
  const cpu = run.cpuSeconds === null ? '—' : run.cpuSeconds.toFixed(2);
  const c = run.counts;
  return `peak RSS ${mb(run.peakRssMb)} MiB (limit 150), ${run.seconds.toFixed(2)} s spawn to exit (CPU ${cpu} s), ${c.winners} / ${c.superseded} / ${c.duplicates} / ${c.invalid} winners / superseded / duplicates / invalid`;
}

if (wanted('parse')) {
  const figures = await benchParse({ rows: 1_000_000 });
  print(
    'disposition file scan (what dispositions check runs): 1,000,000 rows (quoted notes with commas, quotes, CR, LF and CRLF inside; every 10th contact repeated, 1 row in 100 an exact copy, 2 in 100 invalid), read + validate + de-duplicate',
    {
      'file size': `${(figures.bytes / 1_048_576).toFixed(1)} MiB`,
      'scan time': `${figures.seconds.toFixed(2)} s (CPU ${figures.cpuSeconds.toFixed(2)} s; duplicates tallied in ${figures.countedIn === 'worker' ? 'a worker thread' : 'the reading thread'})`,
      'scan throughput': `${figures.mbPerSecond.toFixed(1)} MiB/s (file size ÷ scan time)`,
      'peak RSS, bench process': `${figures.peakRssMb.toFixed(0)} MiB (holds the bench's earlier work too)`,
      'dispositions check process': checkCommandLine(figures.checkCommand),
      'winners / superseded': `${figures.counts.winners} / ${figures.counts.superseded}`,
      'duplicates / invalid': `${figures.counts.duplicates} / ${figures.counts.invalid}`,
      ...Object.fromEntries(
        figures.rawParsers.map((raw) => [
          `raw parse, ${raw.parser}`,
          `${raw.mbPerSecond.toFixed(1)} MiB/s, CPU ${raw.cpuSeconds.toFixed(2)} s (${raw.records} records)`,
        ]),
      ),
      'scan ÷ fastest raw parse': `${figures.scanOverFastest.toFixed(3)} by wall time, ${figures.scanOverFastestByCpu.toFixed(3)} by CPU time (goal ≥ 0.333)`,
    },
  );
}

if (wanted('emergency-admin')) {
  for (const emergencyStop of ['without_force', 'forced'] as const) {
    const figures = await benchAdminEmergencyPause({ skills: 300, rateLimitPerSecond: 40, startStopDelayMs: 250, emergencyStop });
    print(
      `emergency pause (app, list known) on the simulated Admin API tenant: ${figures.running} running skills, 40/s limit without Retry-After, a stop lands 250 ms after its 202, ${emergencyStop === 'forced' ? 'forced stop' : 'stop without force'}`,
      {
        'stopped (or already)': `${figures.stopped} of ${figures.running}`,
        'wall time': seconds(figures.wallMs),
        'floor (3 requests per skill)': seconds(figures.floorMs),
        'wall ÷ floor': figures.wallOverFloor,
        'requests per skill': figures.requestsPerSkill,
        'share of answers that were 429': figures.share429,
      },
    );
  }
}

if (wanted('import')) {
  for (const clientMax of [20, 50, 200]) {
    const hostile = await benchDispositionImport({
      rows: 400,
      latencyMs: 40,
      requestsPerSecond: 40,
      clientMaxRequestsPerSecond: clientMax,
      faults: true,
      onCall: 4,
    });
    print(
      `disposition import: 400 rows, 4 contacts on a call, hostile tenant (40/s bucket, 3% 503, 2% lost after apply, 1% dropped writes), client configured at ${clientMax}/s`,
      {
        'applied / failed / waiting': `${hostile.applied} / ${hostile.failed} / ${hostile.leftWaiting}`,
        'apply phase': seconds(hostile.applyPhaseMs),
        'floor, rows ÷ rate': seconds(hostile.floorRowsMs),
        'apply ÷ floor (target ≤ 1.5)': hostile.applyOverFloor.toFixed(2),
        'whole run': seconds(hostile.wallMs),
        'whole ÷ apply (target ≤ 1.3)': hostile.wallOverApply.toFixed(2),
        '429 share (target ≤ 0.05)': `${hostile.share429.toFixed(3)} (${hostile.rateLimited} of ${hostile.requests})`,
        'requests per row': hostile.requestsPerRow.toFixed(3),
      },
    );
  }

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

if (wanted('import-admin')) {
  const figures = await benchAdminDispositionImport({ rows: 5000, requestsPerSecond: 100, latencyMs: 40 });
  print('disposition import on the simulated Admin API tenant: 5,000 rows, 40 ms latency, 100 requests/s without Retry-After', {
    'applied / failed': `${figures.applied} / ${figures.failed}`,
    'held by the tenant afterwards': `${figures.heldByTenant} of ${figures.rows}`,
    'wall time': seconds(figures.wallMs),
    'floor (3 requests per row ÷ rate)': seconds(figures.floorMs),
    'wall ÷ floor': figures.wallOverFloor.toFixed(2),
    'requests per row': figures.requestsPerRow.toFixed(3),
    'rows per second': figures.rowsPerSecond.toFixed(1),
    '429 answers': `${figures.rateLimited} of ${figures.requests} requests (${(figures.share429 * 100).toFixed(1)}%)`,
    'row latency p50 / p95': `${figures.latencyP50Ms ?? '—'} / ${figures.latencyP95Ms ?? '—'} ms`,
    ...Object.fromEntries(figures.failureKinds.slice(0, 3).map(([kind, rows]) => [`failed ×${rows}`, kind])),
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

if (wanted('schedules')) {
  const gate = benchScheduleGate();
  print(`schedule compliance gate: ${gate.contacts.toLocaleString('en-US')} contacts in ${gate.zones} zones over ${gate.days} days`, {
    windows: gate.windows,
    'first run (loads holiday calendars and zone data)': seconds(gate.firstRunMs),
    'second run': seconds(gate.secondRunMs),
    'heap growth in one run': `${gate.heapGrowthMb.toFixed(1)} MB`,
    'process RSS': `${gate.rssMb.toFixed(0)} MB`,
    violations: gate.violations,
    'contacts with unknown zone': gate.unknownTimezoneContacts,
  });
}

if (wanted('capacity')) {
  const bench = await benchCapacityTick({ campaigns: 500, agents: 2000, rateLimitPerSecond: 50, latencyMs: 40 });
  const figures = (tick: CapacityTickFigures) => ({
    'campaigns / agents': `${tick.campaigns} / ${tick.agents}`,
    outcomes: Object.entries(tick.outcomes)
      .map(([outcome, count]) => `${outcome} ${count}`)
      .join(', '),
    'requests made': `${tick.requests.total} (agent pages ${tick.requests.agentPages}, campaign pages ${tick.requests.campaignPages}, PUT ${tick.requests.puts}, GET ${tick.requests.gets})`,
    '429 answers': tick.rateLimited,
    'wall time': seconds(tick.wallMs),
    'floor, writes ÷ tenant rate': seconds(tick.floorMs),
    'wall ÷ floor': tick.wallOverFloor ?? '— (no writes)',
  });
  const where = `500 campaigns (400 running, 100 paused), 2,000 agents, tenant ${bench.rateLimitPerSecond}/s with ${bench.latencyMs} ms latency, client at the same rate`;
  print(`capacity tick, first (nothing paced yet): ${where}`, figures(bench.first));
  print('capacity tick, right after (nothing changed)', figures(bench.steady));
  print('capacity tick, after one step of agent drift', figures(bench.drifted));
  print('capacity tick, simulation model (each distinct agent count and dialer simulated once)', figures(bench.simulation));
}
