import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantStatus } from '../../../shared/tenant/tenant-status';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { createDispositionImporter } from '../../../electron/dispositions/import/disposition-importer';
import { ImportSession } from '../../../electron/dispositions/import/import-session';
import { readOutcomeMatrix } from '../../../electron/dispositions/import/outcome-matrix';
import { readBatch } from '../../../electron/dispositions/import/read-batch';
import { waitForTenant, type TenantWatch } from '../../../electron/dispositions/import/wait-for-tenant';
import { connectTenant } from '../../../electron/tenant/connect';
import type { TenantConnection } from '../../../electron/tenant/ports';
import { demoProfile } from '../../../electron/tenant-session/demo-profile';
import { csvHeader, csvLine, outcomesCycle, pickContacts } from './demo-fixture';

describe('disposition import when the tenant drops out', () => {
  let tenant: DemoTenantHandle;
  let connection: TenantConnection;
  let dir: string;
  beforeAll(async () => {
    tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: 4, contactsPerCampaign: 200 });
    connection = connectTenant(demoProfile(tenant), async () => tenant.clientSecret, { retry: { baseDelayMs: 2, maxDelayMs: 5 } });
    dir = mkdtempSync(join(tmpdir(), 'dispo-outage-'));
  });
  afterAll(async () => {
    connection?.close();
    await tenant?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('waits while contact calls fail, carries on by itself when the tenant answers again, and applies every row once', async () => {
    const contacts = pickContacts(tenant, { state: 'PENDING', count: 60 });
    const before = new Map(contacts.map((contact) => [contact.id, contact.version]));
    const path = join(dir, 'outage.csv');
    writeFileSync(path, `${[csvHeader, ...contacts.map((contact, i) => csvLine(contact, outcomesCycle[i % 4]!))].join('\n')}\n`);
    const matrix = await readOutcomeMatrix(connection.referenceData);
    const session = new ImportSession('s', await readBatch(path, { fileName: 'outage.csv', outcomeMatrix: matrix.codes }), matrix);

    // Probes list campaigns (not matched by the faults below), as the tenant session's health check does.
    let probes = 0;
    const watch: TenantWatch = {
      status: () => ({ connection: 'disconnected' }) as TenantStatus,
      onStatus: () => () => undefined,
      async reconnect() {
        probes += 1;
        for await (const _campaign of connection.campaigns.list({ pageSize: 1 })) break;
        return { connection: 'connected' } as TenantStatus;
      },
    };
    const states = new Set<string>();
    const importer = createDispositionImporter({
      dir: join(dir, 'imports'),
      contacts: () => connection.contacts,
      maxConcurrency: () => 4,
      waitForTenant: (signal) => waitForTenant(watch, signal, 5, 20),
      onProgress: (progress) => states.add(progress.detail.jobState),
    });
    tenant.injectFaults(
      ...Array.from({ length: 40 }, () => ({ match: { pathPrefix: `/api/v2/outbound/campaigns/${contacts[0]!.campaignId}/contacts` }, kind: 'drop' as const })),
    );
    const started = await importer.start(session.toSpec());
    if (!started.ok) throw new Error(started.error.message);
    const report = await started.value.done;

    expect(states).toContain('waiting_for_tenant');
    expect(probes).toBeGreaterThan(0);
    expect(report.state).toBe('finished');
    expect(report.counts).toMatchObject({ applied: 60, failed: 0, noop: 0, pending: 0 });
    for (const contact of contacts) expect(contact.version, `${contact.id} changed exactly once`).toBe(before.get(contact.id)! + 1);
  });
});
