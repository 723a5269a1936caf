import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { createDispositionImporter } from '../../../electron/dispositions/import/disposition-importer';
import { ImportSession } from '../../../electron/dispositions/import/import-session';
import { crmSecretRef, importNotificationSink } from '../../../electron/dispositions/import/import-services';
import { readOutcomeMatrix } from '../../../electron/dispositions/import/outcome-matrix';
import { readBatch } from '../../../electron/dispositions/import/read-batch';
import { createOutbox, type Outbox } from '../../../electron/outbox/outbox';
import { connectTenant } from '../../../electron/tenant/connect';
import type { TenantConnection } from '../../../electron/tenant/ports';
import { demoProfile } from '../../../electron/tenant-session/demo-profile';
import { csvHeader, csvLine, pickContacts } from './demo-fixture';

interface Received {
  body: string;
  signature: string | undefined;
}

describe('CRM DISPOSITION_UPDATE notifications of an import', () => {
  let tenant: DemoTenantHandle;
  let connection: TenantConnection;
  let crm: Server;
  let crmUrl: string;
  let outbox: Outbox;
  let dir: string;
  const received: Received[] = [];
  const secret = 'crm-shared-secret';

  beforeAll(async () => {
    tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: 2, contactsPerCampaign: 100 });
    connection = connectTenant(demoProfile(tenant), async () => tenant.clientSecret);
    crm = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ body, signature: request.headers['x-signature'] as string | undefined });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => crm.listen(0, '127.0.0.1', resolve));
    crmUrl = `http://127.0.0.1:${(crm.address() as AddressInfo).port}/crm`;
    dir = mkdtempSync(join(tmpdir(), 'dispo-crm-'));
    outbox = await createOutbox({ dir: join(dir, 'outbox'), resolveSecret: async (ref) => (ref === crmSecretRef ? secret : null), baseDelayMs: 10 });
    outbox.start();
  });
  afterAll(async () => {
    await outbox?.stop();
    connection?.close();
    await tenant?.close();
    await new Promise<void>((resolve) => crm?.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends one signed notification per applied row, none for a no-op', async () => {
    const contacts = pickContacts(tenant, { state: 'PENDING', count: 3 });
    const [already] = pickContacts(tenant, { state: 'DONE', count: 1, withOutcome: true });
    const path = join(dir, 'crm.csv');
    writeFileSync(path, `${[csvHeader, ...contacts.map((contact) => csvLine(contact, 'INTERESTED')), csvLine(already!, already!.outcomeCode!)].join('\n')}\n`);
    const matrix = await readOutcomeMatrix(connection.referenceData);
    const session = new ImportSession('s', await readBatch(path, { fileName: 'crm.csv', outcomeMatrix: matrix.codes }), matrix);
    const importer = createDispositionImporter({
      dir: join(dir, 'imports'),
      contacts: () => connection.contacts,
      maxConcurrency: () => 2,
      notifications: importNotificationSink({ outbox: () => outbox, crmUrl: () => crmUrl }),
    });
    const started = await importer.start(session.toSpec());
    if (!started.ok) throw new Error(started.error.message);
    const report = await started.value.done;
    expect(report.counts).toMatchObject({ applied: 3, noop: 1 });
    expect(report.notificationsQueued).toBe(3);
    await outbox.drain();

    expect(received).toHaveLength(3);
    for (const message of received) {
      expect(message.signature).toBe(`sha256=${createHmac('sha256', secret).update(message.body).digest('hex')}`);
      const body = JSON.parse(message.body) as { event: string; source: string; data: Record<string, unknown> };
      expect(body).toMatchObject({
        event: 'DISPOSITION_UPDATE',
        source: 'cxone-console',
        data: { outcomeCode: 'INTERESTED', agentId: 'agent-007', status: 'applied' },
      });
      expect(Object.keys(body.data).sort()).toEqual(['agentId', 'campaignId', 'contactId', 'latencyMs', 'outcomeCode', 'status', 'timestamp']);
    }
    expect(received.map((message) => (JSON.parse(message.body) as { data: { contactId: string } }).data.contactId).sort()).toEqual(
      contacts.map((c) => c.id).sort(),
    );
  });

  it('reports each applied row whose notification could not be queued when no outbox runs', async () => {
    const [contact] = pickContacts(tenant, { state: 'PENDING', count: 1 });
    const path = join(dir, 'no-outbox.csv');
    writeFileSync(path, `${[csvHeader, csvLine(contact!, 'NO_ANSWER')].join('\n')}\n`);
    const matrix = await readOutcomeMatrix(connection.referenceData);
    const session = new ImportSession('s', await readBatch(path, { fileName: 'no-outbox.csv', outcomeMatrix: matrix.codes }), matrix);
    const importer = createDispositionImporter({
      dir: join(dir, 'imports-2'),
      contacts: () => connection.contacts,
      maxConcurrency: () => 2,
      notifications: importNotificationSink({ outbox: () => null, crmUrl: () => crmUrl }),
    });
    const started = await importer.start(session.toSpec());
    const report = await (started.ok ? started.value.done : Promise.reject(started.error));
    expect(report.counts.applied).toBe(1);
    expect(report.warnings).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('outbox is not running') })]);
  });
});
