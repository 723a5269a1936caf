import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDialingHint, dialingHintPathFor } from '../../electron/campaigns/dialing-hint';
import { emergencyRecordPath } from '../../electron/campaigns/emergency-record';
import { cliPath } from './cli-path';
import type { DemoRequestArrival } from '../../electron/demo-tenant/index';
import { startDialingTenant } from './dialing-tenant';

export interface CliEmergencyPauseBenchOptions {
  running?: number;
  latencyMs?: number;
  rateLimitPerSecond?: number;
  faults?: boolean;
  /** The data folder already holds the campaigns last seen dialing (as after the app's refresh or `campaigns list`). */
  savedList?: boolean;
  /**
   * A `campaigns list` ran earlier with the same data folder, as a lead checks before acting: it
   * left the campaigns seen dialing and the signed-in token (sealed) there.
   */
  earlierList?: boolean;
  /**
   * Starts the child with a preload that stamps when Node is ready and when each request leaves and
   * is answered. The preload costs the child time of its own (~10–30 ms before the first request), so
   * the figure comes from runs without it; the tenant-side steps need no preload.
   */
  traced?: boolean;
  /** Runs the command without NODE_EXTRA_CA_CERTS (a machine setting that makes every Node start read a certificate bundle). */
  withoutExtraCaCerts?: boolean;
}

/** Milliseconds from the spawn call; null when the step never happened. */
export interface CliEmergencyPauseSteps {
  /** The child's first line of JavaScript ran (a preload, before the command's bundle is read). */
  nodeReady: number | null;
  /** The first request left the child (the token, unless a saved one was still fresh): bundle loaded, arguments parsed. */
  firstRequestSent: number | null;
  tokenArrived: number | null;
  tokenAnswered: number | null;
  /** The first listing request reached the tenant, and its answer reached the child. */
  firstListArrived: number | null;
  firstListAnswered: number | null;
  /** The figure: the first PATCH reaching the tenant, on the tenant's clock. */
  firstPatchArrived: number | null;
  /** How many listing requests had reached the tenant before the first PATCH did. */
  listRequestsBeforeFirstPatch: number;
  exited: number;
}

export interface CliEmergencyPauseFigures {
  running: number;
  paused: number;
  exitCode: number | null;
  floorMs: number;
  wallOverFloor: number;
  requests: number;
  rateLimited: number;
  share429: number;
  steps: CliEmergencyPauseSteps;
}

/**
 * Runs in the child before its main module: stamps when Node is ready and when each request
 * leaves and is answered, into the file CXONE_BENCH_TRACE names. Reading `fetch` here does not
 * load undici early (Node loads it on the first call), so the stamps do not move the costs.
 */
const tracePreload = `
import { appendFileSync } from 'node:fs';
const file = process.env.CXONE_BENCH_TRACE;
const stamp = (entry) => appendFileSync(file, JSON.stringify({ ...entry, at: performance.timeOrigin + performance.now() }) + '\\n');
stamp({ event: 'node-ready' });
const original = globalThis.fetch;
globalThis.fetch = async function traced(input, init) {
  const url = typeof input === 'object' && input !== null && 'url' in input ? input.url : String(input);
  const method = (init && init.method) || (typeof input === 'object' && input !== null && 'method' in input ? input.method : 'GET');
  const path = new URL(url).pathname;
  stamp({ event: 'sent', method, path });
  const answer = await original(input, init);
  stamp({ event: 'answered', method, path, status: answer.status });
  return answer;
};
`;

interface TraceEntry {
  event: 'node-ready' | 'sent' | 'answered';
  method?: string;
  path?: string;
  at: number;
}

const isList = (method: string | undefined, path: string | undefined) => method === 'GET' && /\/campaigns$/.test((path ?? '').split('?')[0] ?? '');
const isToken = (method: string | undefined, path: string | undefined) => method === 'POST' && /token/.test(path ?? '');

/**
 * `cxone-console campaigns pause --all` as an operator runs it: a new Node process against a
 * demo tenant with `running` campaigns dialing, measured from the spawn call to the tenant
 * receiving the first PATCH (the tenant's own arrival times), with the steps in between.
 * Printed by `npm run bench`; never asserted.
 */
export async function benchCliEmergencyPause(options: CliEmergencyPauseBenchOptions = {}): Promise<CliEmergencyPauseFigures> {
  const running = options.running ?? 300;
  const rate = options.rateLimitPerSecond ?? 40;
  const tenant = await startDialingTenant({ running, rateLimitPerSecond: rate, latencyMs: options.latencyMs ?? 40, faults: options.faults });
  const dir = mkdtempSync(join(tmpdir(), 'cxone-bench-cli-emergency-'));
  const trace = join(dir, 'trace.jsonl');
  const preload = join(dir, 'trace-preload.mjs');
  writeFileSync(preload, tracePreload);
  writeFileSync(trace, '');
  const arrivals: DemoRequestArrival[] = [];
  const stopHearing = tenant.onRequest((arrival) => arrivals.push(arrival));
  try {
    if (options.savedList) {
      const running = [...tenant.state.campaigns.values()].filter((campaign) => campaign.status === 'running');
      const record = emergencyRecordPath(join(dir, 'data'), { apiBaseUrl: tenant.url, clientId: tenant.clientId });
      createDialingHint(dialingHintPathFor(record)).write(running.map((campaign) => ({ id: campaign.id, name: campaign.name, status: campaign.status })));
    }
    const { NODE_EXTRA_CA_CERTS: extraCaCerts, ...inherited } = process.env;
    const env = {
      ...inherited,
      ...(options.withoutExtraCaCerts || extraCaCerts === undefined ? {} : { NODE_EXTRA_CA_CERTS: extraCaCerts }),
      CXONE_BASE_URL: tenant.url,
      CXONE_CLIENT_ID: tenant.clientId,
      CXONE_CLIENT_SECRET: tenant.clientSecret,
      CXONE_DATA_DIR: join(dir, 'data'),
    };
    if (options.earlierList) {
      const earlier = spawn(process.execPath, [cliPath(), 'campaigns', 'list', '--json'], { env, stdio: 'ignore' });
      const code = await new Promise<number | null>((resolve) => earlier.on('close', (exitCode) => resolve(exitCode)));
      if (code !== 0) process.stderr.write(`bench: the earlier \`campaigns list\` exited ${code}; the pause runs with what it left\n`);
      arrivals.length = 0;
    }
    tenant.resetStats();
    const spawnedAt = Date.now();
    const child = spawn(process.execPath, [...(options.traced ? ['--import', preload] : []), cliPath(), 'campaigns', 'pause', '--all', '--json'], {
      env: options.traced ? { ...env, CXONE_BENCH_TRACE: trace } : env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const exited = Date.now() - spawnedAt;
    const stats = tenant.stats();

    const entries = readFileSync(trace, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as TraceEntry);
    const since = (at: number | undefined) => (at === undefined ? null : Math.round(at - spawnedAt));
    const firstEntry = (test: (entry: TraceEntry) => boolean) => entries.find(test)?.at;
    const firstArrival = (test: (arrival: DemoRequestArrival) => boolean) => arrivals.find(test)?.at;
    const firstPatchIndex = arrivals.findIndex((a) => a.method === 'PATCH');
    let paused = 0;
    try {
      const report = JSON.parse(stdout) as { summary: Record<string, number> };
      paused = (report.summary.paused ?? 0) + (report.summary.already ?? 0);
    } catch {
      process.stderr.write(`bench: the command printed no report (exit ${exitCode}): ${stderr.slice(0, 500)}\n`);
    }
    const floorMs = (running / rate) * 1000;
    return {
      running,
      paused,
      exitCode,
      floorMs,
      wallOverFloor: Math.round((exited / floorMs) * 100) / 100,
      requests: stats.requests,
      rateLimited: stats.rateLimited,
      share429: stats.requests > 0 ? Math.round((stats.rateLimited / stats.requests) * 1000) / 1000 : 0,
      steps: {
        nodeReady: since(firstEntry((e) => e.event === 'node-ready')),
        firstRequestSent: since(firstEntry((e) => e.event === 'sent')),
        tokenArrived: since(firstArrival((a) => isToken(a.method, a.path))),
        tokenAnswered: since(firstEntry((e) => e.event === 'answered' && isToken(e.method, e.path))),
        firstListArrived: since(firstArrival((a) => isList(a.method, a.path))),
        firstListAnswered: since(firstEntry((e) => e.event === 'answered' && isList(e.method, e.path))),
        firstPatchArrived: since(firstPatchIndex >= 0 ? arrivals[firstPatchIndex]?.at : undefined),
        listRequestsBeforeFirstPatch: (firstPatchIndex >= 0 ? arrivals.slice(0, firstPatchIndex) : arrivals).filter((a) => isList(a.method, a.path)).length,
        exited,
      },
    };
  } finally {
    stopHearing();
    await tenant.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
