import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { createDispositionImporter } from '../../../electron/dispositions/import/disposition-importer';
import { dryRunImport } from '../../../electron/dispositions/import/dry-run';
import type { DispositionUpdateNotification, SuppressedContact } from '../../../electron/dispositions/import/import-ports';
import { ImportSession } from '../../../electron/dispositions/import/import-session';
import { readOutcomeMatrix } from '../../../electron/dispositions/import/outcome-matrix';
import { readBatch } from '../../../electron/dispositions/import/read-batch';
import { unappliedRowsCsv } from '../../../electron/dispositions/import/unapplied-export';
import { connectTenant } from '../../../electron/tenant/connect';
import type { TenantConnection } from '../../../electron/tenant/ports';
import { demoProfile } from '../../../electron/tenant-session/demo-profile';
import { csvHeader, csvLine, outcomesCycle, pickContacts, until } from './demo-fixture';

describe('disposition import against the demo tenant', () => {
  let tenant: DemoTenantHandle;
  let connection: TenantConnection;
  let dir: string;
  beforeAll(async () => {
    tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: 8, contactsPerCampaign: 200 });
    connection = connectTenant(demoProfile(tenant), async () => tenant.clientSecret, { retry: { baseDelayMs: 5, maxDelayMs: 20 } });
    dir = mkdtempSync(join(tmpdir(), 'dispo-int-'));
  });
  afterAll(async () => {
    connection?.close();
    await tenant?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const openSession = async (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${[csvHeader, ...lines].join('\r\n')}\r\n`);
    const matrix = await readOutcomeMatrix(connection.referenceData);
    return new ImportSession('s-1', await readBatch(path, { fileName: name, outcomeMatrix: matrix.codes }), matrix);
  };

  it('applies each valid row exactly once, skips no-ops, holds back invalid and superseded rows, and reports every one', async () => {
    const pending = pickContacts(tenant, { state: 'PENDING', count: 24 });
    const [done] = pickContacts(tenant, { state: 'DONE', count: 1, withOutcome: true });
    const [busy] = pickContacts(tenant, { state: 'WRAP_UP', count: 1 });
    const versionsBefore = new Map([...pending, done!, busy!].map((contact) => [contact.id, contact.version]));
    const lines = pending
      .slice(0, 20)
      .map((contact, i) => csvLine(contact, outcomesCycle[i % outcomesCycle.length]!, '2026-11-20T15:00:00Z', 'called, left note'));
    lines.push(csvLine(done!, done!.outcomeCode!)); // line 22: no-op
    lines.push(csvLine(pending[20]!, 'MAYBE_LATER')); // line 23: not in the outcome matrix
    lines.push(csvLine(pending[21]!, 'NO_ANSWER', '2026-11-20T09:00:00Z')); // line 24: superseded by line 25
    lines.push(csvLine(pending[21]!, 'INTERESTED', '2026-11-20T10:00:00Z'));
    lines.push(csvLine(pending[22]!, 'DO_NOT_CALL')); // line 26
    lines.push(csvLine(pending[22]!, 'DO_NOT_CALL')); // line 27: identical, counted once
    lines.push(csvLine(busy!, 'CALLBACK_LATER')); // line 28: busy with the dialer until the test frees it

    const session = await openSession('mixed.csv', lines);
    const spec = session.toSpec();
    expect(spec.rows.map((row) => row.line)).not.toContain(27);

    const suppressed: SuppressedContact[] = [];
    const notified: DispositionUpdateNotification[] = [];
    const audit: unknown[] = [];
    const importer = createDispositionImporter({
      dir: join(dir, 'imports'),
      contacts: () => connection.contacts,
      maxConcurrency: () => connection.limiter.snapshot().maxConcurrency,
      suppression: { add: async (entry) => void suppressed.push(entry) },
      notifications: { enabled: () => true, enqueue: async (notification) => void notified.push(notification) },
      audit: { record: async (entry) => void audit.push(entry) },
      busyRetryDelayMs: 20,
      // Long enough that only the test's freeing of the contact ends its wait.
      busyTailMs: 600_000,
    });
    const started = await importer.start(spec);
    if (!started.ok) throw new Error(started.error.message);
    await until(() => started.value.progress().counts.waitingBusy > 0, 'the busy contact to be put back');
    busy!.state = 'DONE';
    const report = await started.value.done;

    expect(report.counts).toMatchObject({ applied: 23, noop: 1, rejected: 1, superseded: 1, failed: 0, pending: 0 });
    for (const contact of [...pending.slice(0, 20), pending[21]!, pending[22]!, busy!]) {
      expect(contact.version, `${contact.id} changed exactly once`).toBe(versionsBefore.get(contact.id)! + 1);
    }
    expect(done!.version).toBe(versionsBefore.get(done!.id));
    expect(pending[21]!.outcomeCode).toBe('INTERESTED');
    expect(busy!.outcomeCode).toBe('CALLBACK_LATER');
    expect(suppressed.map((entry) => entry.phone)).toEqual([pending[22]!.phone]);
    expect(report.suppressed).toEqual([expect.objectContaining({ line: 26, phone: pending[22]!.phone })]);
    expect(notified).toHaveLength(23);
    expect(notified[0]).toMatchObject({ event: 'DISPOSITION_UPDATE', source: 'cxone-console' });
    expect(report.latencyMs.p50).toBeGreaterThan(0);
    expect(report.latencyMs.p95).toBeGreaterThanOrEqual(report.latencyMs.p50!);
    expect(audit).toEqual([expect.objectContaining({ action: 'dispositions.import', outcome: 'partial' })]);

    const csv = unappliedRowsCsv(report);
    expect(csv).toMatch(/^22,.*,noop,/m);
    expect(csv).toMatch(/^23,.*,rejected,.*MAYBE_LATER/m);
    expect(csv).toMatch(/^24,.*,superseded,.*line 25/m);
  });

  it('reads a campaign the file covers densely a page at a time: about one request per row, not two', async () => {
    const [campaignId] = [...tenant.state.contacts.keys()].slice(-1);
    const contacts = [...tenant.state.contacts.get(campaignId!)!.values()].filter((c) => c.state === 'PENDING').slice(0, 40);
    expect(contacts.length).toBe(40);
    const versionsBefore = new Map(contacts.map((contact) => [contact.id, contact.version]));
    const session = await openSession(
      'dense.csv',
      contacts.map((contact, i) => csvLine(contact, outcomesCycle[i % outcomesCycle.length]!)),
    );
    const importer = createDispositionImporter({ dir: join(dir, 'imports-dense'), contacts: () => connection.contacts, maxConcurrency: () => 4 });
    tenant.resetStats();
    const started = await importer.start(session.toSpec());
    if (!started.ok) throw new Error(started.error.message);
    const report = await started.value.done;
    expect(report.counts).toMatchObject({ applied: 40, failed: 0 });
    for (const contact of contacts) expect(contact.version, `${contact.id} changed exactly once`).toBe(versionsBefore.get(contact.id)! + 1);
    // 40 PATCHes and one page of the campaign's 200 contacts; reading each contact first would be 80.
    expect(tenant.stats().requests).toBeLessThanOrEqual(42);
  });

  it('dry run reads each contact and says what applying would do, changing nothing', async () => {
    const pending = pickContacts(tenant, { state: 'PENDING', count: 2 });
    const [done] = pickContacts(tenant, { state: 'DONE', count: 1, withOutcome: true });
    const busy = [...tenant.state.contacts.values()].flatMap((contacts) => [...contacts.values()]).find((contact) => contact.state === 'WRAP_UP');
    const session = await openSession('dry.csv', [
      csvLine(pending[0]!, 'INTERESTED'),
      csvLine(done!, done!.outcomeCode!),
      csvLine(busy!, 'NO_ANSWER'),
      csvLine({ campaignId: pending[1]!.campaignId, id: 'no-such-contact' }, 'BUSY'),
    ]);
    const versions = [pending[0]!, done!, busy!].map((contact) => contact.version);
    const { summary, rows } = await dryRunImport({
      jobId: 'd',
      contentHash: session.contentHash,
      rows: session.rowsToSend(),
      contacts: connection.contacts,
      concurrency: 4,
    });
    expect(summary.counts).toEqual({ will_apply: 1, noop: 1, busy: 1, not_found: 1, failed: 0 });
    expect(rows.map((row) => row.verdict)).toEqual(['will_apply', 'noop', 'busy', 'not_found']);
    expect([pending[0]!, done!, busy!].map((contact) => contact.version)).toEqual(versions);
    session.recordDryRun(rows);
    expect(session.page('will_skip', 0, 10).rows.map((row) => row.line)).toEqual([3]);
  });

  it('lets a person fix an invalid cell in the batch and the row becomes applicable', async () => {
    const [contact] = pickContacts(tenant, { state: 'PENDING', count: 1 });
    const session = await openSession('fix.csv', [csvLine(contact!, 'interested')]);
    const [invalid] = session.page('invalid', 0, 10).rows;
    expect(invalid?.problems).toEqual([expect.objectContaining({ field: 'outcomeCode', message: expect.stringContaining('did you mean "INTERESTED"') })]);
    const edited = session.edit(2, 'outcomeCode', 'INTERESTED');
    expect(edited.ok && edited.row.status).toBe('will_apply');
    expect(session.toSpec().rows).toEqual([expect.objectContaining({ line: 2, outcomeCode: 'INTERESTED' })]);
  });
});
