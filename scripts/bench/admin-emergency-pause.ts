import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { delay } from '../../shared/base/delay';
import { createAuditLog } from '../../electron/audit/audit-log';
import { createCampaignControl } from '../../electron/campaigns/campaign-control';
import { createCampaignDirectory } from '../../electron/campaigns/campaign-directory';
import { createEmergencyRecord } from '../../electron/campaigns/emergency-record';
import { startAdminApiDemoTenant } from '../../electron/demo-tenant-admin/index';
import { connectTenant } from '../../electron/tenant/connect';
import { adminApiDemoProfile } from '../../electron/tenant-session/demo-profile';

export interface AdminEmergencyPauseBenchOptions {
  skills: number;
  /** The simulated tenant's limit; it sends no Retry-After, as the public facts warn. */
  rateLimitPerSecond: number;
  /** How long a stop takes to land after its 202. */
  startStopDelayMs: number;
  emergencyStop: 'without_force' | 'forced';
}

export interface AdminEmergencyPauseBenchFigures {
  running: number;
  stopped: number;
  wallMs: number;
  /** Each running skill needs at least a read, the stop and a read again: 3 requests at the tenant's rate. */
  floorMs: number;
  wallOverFloor: number;
  requests: number;
  requestsPerSkill: number;
  share429: number;
}

/**
 * The emergency pause on the simulated Admin API tenant: every running Personal Connection skill
 * stopped by the real campaign control through the Admin API adapter (read, compare, stop, read
 * again), the campaign list already known as in the app. Printed by `npm run bench`; never asserted.
 */
export async function benchAdminEmergencyPause(options: AdminEmergencyPauseBenchOptions): Promise<AdminEmergencyPauseBenchFigures> {
  const tenant = await startAdminApiDemoTenant({
    skillCount: options.skills,
    contactsPerSkill: 1,
    knobs: { rateLimitPerSecond: options.rateLimitPerSecond, sendRetryAfter: false, startStopDelayMs: options.startStopDelayMs },
  });
  const dir = mkdtempSync(join(tmpdir(), 'cxone-bench-admin-emergency-'));
  const profile = adminApiDemoProfile(tenant);
  const connection = connectTenant(
    { ...profile, maxRequestsPerSecond: options.rateLimitPerSecond, adminApi: { ...profile.adminApi, emergencyStop: options.emergencyStop } },
    async () => tenant.accessKeySecret,
  );
  const audit = await createAuditLog({ dir: join(dir, 'audit') });
  try {
    const running = [...tenant.state.skills.values()].filter(
      (s) => s.isOutbound && s.outboundStrategy === 'Personal Connection' && s.isActive && s.isRunning,
    ).length;
    const directory = createCampaignDirectory({ connection: () => connection, intervalSeconds: () => 3600 });
    await directory.refresh();
    const control = createCampaignControl({
      connection: () => connection,
      tenantLabel: () => 'Bench Admin API tenant',
      directory,
      record: () => createEmergencyRecord(join(dir, 'emergency.json')),
      audit,
    });
    // The directory's read is not part of the pause; the tenant's bucket refills as it would between refreshes.
    await delay(1500);
    const before = tenant.stats();
    const started = performance.now();
    const run = await control.emergencyPause({ type: 'user', name: 'bench' });
    const wallMs = performance.now() - started;
    const after = tenant.stats();
    const requests = after.requests - before.requests;
    const rateLimited = after.rateLimited - before.rateLimited;
    const floorMs = ((running * 3) / options.rateLimitPerSecond) * 1000;
    return {
      running,
      stopped: run.results.filter((r) => r.outcome === 'changed' || r.outcome === 'already').length,
      wallMs: Math.round(wallMs),
      floorMs: Math.round(floorMs),
      wallOverFloor: Math.round((wallMs / floorMs) * 100) / 100,
      requests,
      requestsPerSkill: running > 0 ? Math.round((requests / running) * 100) / 100 : 0,
      share429: requests > 0 ? Math.round((rateLimited / requests) * 1000) / 1000 : 0,
    };
  } finally {
    connection.close();
    await audit.close();
    await tenant.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
