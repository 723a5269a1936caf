import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, type AuditLog } from '../../../electron/audit/audit-log';
import { createBulkActions } from '../../../electron/campaigns/bulk-actions';
import { createCampaignControl } from '../../../electron/campaigns/campaign-control';
import { createCampaignDirectory } from '../../../electron/campaigns/campaign-directory';
import { createEmergencyRecord } from '../../../electron/campaigns/emergency-record';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { connectTenant } from '../../../electron/tenant/connect';
import type { TenantConnection } from '../../../electron/tenant/ports';
import { demoProfile } from '../../../electron/tenant-session/demo-profile';
import type { RunProgressOf } from '../../../shared/runs/run-progress';

const person = { type: 'user' as const, name: 'lead' };

describe('bulk pause with progress and cancel, against the demo tenant', () => {
  let tenant: DemoTenantHandle;
  let connection: TenantConnection;
  let dir: string;
  let audit: AuditLog;

  beforeEach(async () => {
    tenant = await startDemoTenant({ seed: 11, dialerTickMs: 0, contactsPerCampaign: 5, latencyMs: 30 });
    // One request at a time: the run is slow enough to watch and to stop part way.
    connection = connectTenant({ ...demoProfile(tenant), maxConcurrency: 1 }, async () => tenant.clientSecret);
    dir = mkdtempSync(join(tmpdir(), 'cxone-bulk-'));
    audit = await createAuditLog({ dir: join(dir, 'audit') });
  });

  afterEach(async () => {
    connection.close();
    await audit.close();
    await tenant.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const controlOf = () =>
    createCampaignControl({
      connection: () => connection,
      tenantLabel: () => 'Demo tenant',
      directory: createCampaignDirectory({ connection: () => connection, intervalSeconds: () => 60 }),
      record: () => createEmergencyRecord(join(dir, 'emergency.json')),
      audit,
      concurrency: 1,
    });
  const running = () => [...tenant.state.campaigns.values()].filter((c) => c.status === 'running').map((c) => c.id);

  it('reports progress up to the total and pauses every campaign of the selection', async () => {
    const ids = running().slice(0, 6);
    const seen: RunProgressOf<'bulk-status'>[] = [];
    const bulk = createBulkActions(controlOf(), (progress) => seen.push(progress), 0);
    const results = await bulk.run(ids, 'paused', person, 'action-1');
    expect(results.map((r) => r.outcome)).toEqual(ids.map(() => 'changed'));
    expect(seen[0]).toMatchObject({ runId: 'action-1', kind: 'bulk-status', detail: { target: 'paused' }, done: 0, total: 6 });
    expect(seen.at(-1)).toMatchObject({ runId: 'action-1', kind: 'bulk-status', detail: { target: 'paused' }, done: 6, total: 6 });
    for (const id of ids) expect(tenant.state.campaigns.get(id)?.status).toBe('paused');
  });

  it('stops starting new changes once cancelled; campaigns not reached stay as they were', async () => {
    const ids = running().slice(0, 12);
    let bulk: ReturnType<typeof createBulkActions> | null = null;
    bulk = createBulkActions(
      controlOf(),
      (progress) => {
        if (progress.done === 2) bulk?.cancel('action-2');
      },
      0,
    );
    const results = await bulk.run(ids, 'paused', person, 'action-2');
    const cancelled = results.filter((r) => r.outcome === 'cancelled').map((r) => r.campaignId);
    expect(cancelled.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.outcome === 'changed').length + cancelled.length).toBe(ids.length);
    for (const id of cancelled) expect(tenant.state.campaigns.get(id)?.status).toBe('running');
    expect(bulk.cancel('action-2')).toBe(false);
  });
});
