import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBulkActions } from '../../../electron/campaigns/bulk-actions';
import { createCampaignControl } from '../../../electron/campaigns/campaign-control';
import { createCampaignDirectory } from '../../../electron/campaigns/campaign-directory';
import { createEmergencyRecord } from '../../../electron/campaigns/emergency-record';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { createDispositionImporter } from '../../../electron/dispositions/import/disposition-importer';
import type { DispositionUpdateNotification, SuppressedContact } from '../../../electron/dispositions/import/import-ports';
import { ImportSession } from '../../../electron/dispositions/import/import-session';
import { readOutcomeMatrix } from '../../../electron/dispositions/import/outcome-matrix';
import { readBatch } from '../../../electron/dispositions/import/read-batch';
import { connectTenant } from '../../../electron/tenant/connect';
import type { TenantConnection } from '../../../electron/tenant/ports';
import { demoProfile } from '../../../electron/tenant-session/demo-profile';
import { csvHeader, csvLine, outcomesCycle, pickContacts } from '../dispositions-import/demo-fixture';
import { definitionLike } from '../tenant/support';
import { faultInjectingTenant, idsWith, snapshotOf, tenantWithRunning } from './fault-tenant';

const person = { type: 'user' as const, name: 'lead' };
const quick = { baseDelayMs: 20, maxDelayMs: 200 };

describe('bulk actions, campaign creation and imports against the fault-injecting tenant', () => {
  let tenant: DemoTenantHandle;
  let connection: TenantConnection;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cxone-faults-bulk-'));
  });
  afterEach(async () => {
    connection.close();
    await tenant.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a bulk pause then resume of 120 campaigns reaches every target, forces nothing on a draft, and touches nothing else', async () => {
    tenant = await tenantWithRunning(120, faultInjectingTenant);
    connection = connectTenant(demoProfile(tenant), async () => tenant.clientSecret, { retry: quick });
    const running = idsWith(tenant, 'running');
    const [draft] = idsWith(tenant, 'draft');
    const before = snapshotOf(tenant);
    const control = createCampaignControl({
      connection: () => connection,
      tenantLabel: () => 'Demo tenant',
      directory: createCampaignDirectory({ connection: () => connection, intervalSeconds: () => 60 }),
      record: () => createEmergencyRecord(join(dir, 'emergency.json')),
      audit: { append: async () => undefined },
    });
    const bulk = createBulkActions(control, () => undefined);
    const paused = await bulk.run([...running, draft!], 'paused', person, 'bulk-1');
    expect(paused.filter((r) => r.campaignId !== draft && r.outcome !== 'changed' && r.outcome !== 'already')).toEqual([]);
    expect(paused.find((r) => r.campaignId === draft)?.outcome).toBe('impossible');
    expect(idsWith(tenant, 'running')).toEqual([]);
    const resumed = await bulk.run(running, 'running', person, 'bulk-2');
    expect(resumed.filter((r) => r.outcome !== 'changed' && r.outcome !== 'already')).toEqual([]);
    expect(idsWith(tenant, 'running')).toEqual(running);
    expect(tenant.state.campaigns.get(draft!)?.status).toBe('draft');
    for (const [id, campaign] of before) {
      if (!running.includes(id)) expect(tenant.state.campaigns.get(id)?.status, id).toBe(campaign.status);
    }
  });

  it('never creates a campaign twice: a POST whose answer may have been applied is not replayed', async () => {
    tenant = await startDemoTenant({
      seed: 9,
      dialerTickMs: 0,
      campaignCount: 8,
      contactsPerCampaign: 2,
      ...faultInjectingTenant,
      faultMix: [
        { rate: 0.15, fault: { match: { method: 'POST' }, kind: 'status', status: 500, afterHandler: true } },
        { rate: 0.1, fault: { match: { method: 'POST' }, kind: 'drop', afterHandler: true } },
        { rate: 0.15, fault: { match: { method: 'POST' }, kind: 'status', status: 503 } },
      ],
    });
    connection = connectTenant(demoProfile(tenant), async () => tenant.clientSecret, { retry: quick });
    const names = Array.from({ length: 40 }, (_, i) => `Fault probe ${i}`);
    const outcomes = await Promise.allSettled(names.map((name) => connection.campaigns.create(definitionLike(tenant, name))));
    const stored = (name: string) => [...tenant.state.campaigns.values()].filter((c) => c.name === name).length;
    names.forEach((name, i) => {
      if (outcomes[i]?.status === 'fulfilled') expect(stored(name), name).toBe(1);
      else expect(stored(name), name).toBeLessThanOrEqual(1);
    });
    expect(outcomes.some((outcome) => outcome.status === 'rejected')).toBe(true);
  });

  it('an import of 300 dispositions loses none, forces none on a busy contact, and notifies each row once', async () => {
    tenant = await startDemoTenant({ seed: 3, dialerTickMs: 0, campaignCount: 6, contactsPerCampaign: 200, ...faultInjectingTenant });
    connection = connectTenant(demoProfile(tenant), async () => tenant.clientSecret, { retry: quick });
    const pending = pickContacts(tenant, { state: 'PENDING', count: 300 });
    const [busy] = pickContacts(tenant, { state: 'WRAP_UP', count: 1 });
    const rows = pending.map((contact, i) => ({ contact, outcome: i % 50 === 7 ? 'DO_NOT_CALL' : outcomesCycle[i % outcomesCycle.length]! }));
    const path = join(dir, 'calls.csv');
    writeFileSync(path, `${[csvHeader, ...rows.map((row) => csvLine(row.contact, row.outcome)), csvLine(busy!, 'NO_ANSWER')].join('\r\n')}\r\n`);
    const matrix = await readOutcomeMatrix(connection.referenceData);
    const session = new ImportSession('s-1', await readBatch(path, { fileName: 'calls.csv', outcomeMatrix: matrix.codes }), matrix);
    const notified: DispositionUpdateNotification[] = [];
    const suppressed: SuppressedContact[] = [];
    const importer = createDispositionImporter({
      dir: join(dir, 'imports'),
      contacts: () => connection.contacts,
      maxConcurrency: () => connection.limiter.snapshot().maxConcurrency,
      suppression: { add: async (entry) => void suppressed.push(entry) },
      notifications: { enabled: () => true, enqueue: async (notification) => void notified.push(notification) },
      busyRetryDelayMs: 20,
      busyTailMs: 200,
    });
    const started = await importer.start(session.toSpec());
    if (!started.ok) throw new Error(started.error.message);
    const report = await started.value.done;

    for (const row of rows) expect(row.contact.outcomeCode, row.contact.id).toBe(row.outcome);
    expect(report.counts).toMatchObject({ applied: 300, failed: 0, pending: 1, waitingBusy: 1 });
    // The contact the dialer is working is left waiting for a later retry, never forced.
    expect(report.problems.filter((problem) => problem.result === 'waiting')).toEqual([expect.objectContaining({ contactId: busy!.id, line: 302 })]);
    expect(busy!.outcomeCode).not.toBe('NO_ANSWER');
    expect(busy!.state).toBe('WRAP_UP');
    expect(new Set(notified.map((n) => n.data.contactId)).size).toBe(300);
    expect(notified).toHaveLength(300);
    expect(suppressed.map((entry) => entry.phone).sort()).toEqual(
      rows
        .filter((row) => row.outcome === 'DO_NOT_CALL')
        .map((row) => row.contact.phone)
        .sort(),
    );
  });
});
