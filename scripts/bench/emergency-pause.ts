import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { delay } from '../../shared/base/delay';
import { createAuditLog } from '../../electron/audit/audit-log';
import { startDialingTenant } from './dialing-tenant';
import { connectTenant } from '../../electron/tenant/connect';
import { demoProfile } from '../../electron/tenant-session/demo-profile';
import { createCampaignControl } from '../../electron/campaigns/campaign-control';
import { createCampaignDirectory } from '../../electron/campaigns/campaign-directory';
import { createEmergencyRecord } from '../../electron/campaigns/emergency-record';

export interface EmergencyPauseBenchOptions {
  running?: number;
  latencyMs?: number;
  rateLimitPerSecond?: number;
  /** The client profile's configured maximum rate; above the tenant's limit, only 429 feedback finds the pace. */
  clientMaxRequestsPerSecond?: number;
  /** The hostile tenant: 3% 503, 2% answers lost after apply, 1% dropped writes (429s come from the bucket). */
  faults?: boolean;
  /**
   * As the app runs it: the campaign list is already known (the Campaigns screen's
   * directory) when the button is pressed. Off: as the command line, which lists first.
   */
  listKnown?: boolean;
}

export interface EmergencyPauseBenchFigures {
  running: number;
  paused: number;
  notPaused: number;
  wallMs: number;
  floorMs: number;
  wallOverFloor: number;
  requests: number;
  rateLimited: number;
  share429: number;
  /** From the call to the first PATCH leaving the client, and to the first progress the UI hears. */
  firstPatchMs: number | null;
  firstProgressMs: number | null;
}

/**
 * The reference emergency: `running` campaigns dialing on a demo tenant with
 * added latency and a rate limit, stopped by the real campaign control through the real
 * client, audit log included. Printed by `npm run bench`; never asserted.
 */
export async function benchEmergencyPause(options: EmergencyPauseBenchOptions = {}): Promise<EmergencyPauseBenchFigures> {
  const running = options.running ?? 500;
  const rate = options.rateLimitPerSecond ?? 50;
  const tenant = await startDialingTenant({ running, rateLimitPerSecond: rate, latencyMs: options.latencyMs ?? 40, faults: options.faults });
  const dir = mkdtempSync(join(tmpdir(), 'cxone-bench-emergency-'));
  const connection = connectTenant(
    { ...demoProfile(tenant), maxRequestsPerSecond: options.clientMaxRequestsPerSecond ?? rate },
    async () => tenant.clientSecret,
  );
  const audit = await createAuditLog({ dir: join(dir, 'audit') });
  try {
    const directory = createCampaignDirectory({ connection: () => connection, intervalSeconds: () => 3600 });
    if (options.listKnown) {
      await directory.refresh();
      // The directory's read is not part of the pause; let the tenant's bucket fill again as it would between refreshes.
      await delay(1500);
    }
    let started = 0;
    let firstProgressMs: number | null = null;
    const control = createCampaignControl({
      connection: () => connection,
      tenantLabel: () => 'Bench tenant',
      directory,
      record: () => createEmergencyRecord(join(dir, 'emergency.json')),
      audit,
      onEmergencyChange: (state) => {
        if (firstProgressMs === null && state.running && (state.lastRun?.total ?? 0) > 0) firstProgressMs = performance.now() - started;
      },
      onProgress: () => {
        firstProgressMs ??= performance.now() - started;
      },
    });
    tenant.resetStats();
    let firstPatchAt: number | null = null;
    const stopWatching = connection.requestLog.subscribe((entry) => {
      if (entry.method === 'PATCH') firstPatchAt = Math.min(firstPatchAt ?? Number.POSITIVE_INFINITY, Date.parse(entry.at));
    });
    const clickedAt = Date.now();
    started = performance.now();
    const run = await control.emergencyPause({ type: 'user', name: 'bench' });
    const wallMs = performance.now() - started;
    stopWatching();
    const stats = tenant.stats();
    const paused = run.results.filter((r) => r.outcome === 'changed' || r.outcome === 'already').length;
    const floorMs = (running / rate) * 1000;
    return {
      running,
      paused,
      notPaused: run.results.length - paused,
      wallMs: Math.round(wallMs),
      floorMs,
      wallOverFloor: Math.round((wallMs / floorMs) * 100) / 100,
      requests: stats.requests,
      rateLimited: stats.rateLimited,
      share429: stats.requests > 0 ? Math.round((stats.rateLimited / stats.requests) * 1000) / 1000 : 0,
      firstPatchMs: firstPatchAt === null ? null : firstPatchAt - clickedAt,
      firstProgressMs: firstProgressMs === null ? null : Math.round(firstProgressMs),
    };
  } finally {
    connection.close();
    await audit.close();
    await tenant.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
