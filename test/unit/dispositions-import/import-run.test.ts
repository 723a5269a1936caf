import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJobSpec } from '../../../shared/dispositions/import-job';
import type { RunDetailOf, RunProgressOf } from '../../../shared/runs/run-progress';
import { createDispositionImporter, type DispositionImporterOptions } from '../../../electron/dispositions/import/disposition-importer';
import type { DispositionUpdateNotification, SuppressedContact } from '../../../electron/dispositions/import/import-ports';
import { lockJob } from '../../../electron/dispositions/import/job-lock';
import { parseJournal } from '../../../electron/dispositions/import/journal-records';
import { fakeContacts, rowsFor } from './fake-contacts';

const hash = 'a1b2c3d4e5f60718';
const specOf = (rows = rowsFor(20), heldBack: ImportJobSpec['heldBack'] = []): ImportJobSpec => ({ contentHash: hash, fileName: 'calls.csv', rows, heldBack });

describe('disposition import run', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dispo-run-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const importer = (tenant: ReturnType<typeof fakeContacts>, extra: Partial<DispositionImporterOptions> = {}) =>
    createDispositionImporter({ dir, contacts: () => tenant.port, maxConcurrency: () => 4, busyRetryDelayMs: 1, ...extra });
  const journalOf = () => parseJournal(readFileSync(join(dir, `${hash}.journal.jsonl`), 'utf8'));

  it('applies every row once and confirms each in the journal', async () => {
    const tenant = fakeContacts(20);
    const started = await importer(tenant).start(specOf());
    if (!started.ok) throw new Error(started.error.message);
    const report = await started.value.done;
    expect(report.state).toBe('finished');
    expect(report.counts).toMatchObject({ applied: 20, noop: 0, failed: 0, pending: 0 });
    expect([...tenant.patches.values()].every((n) => n === 1)).toBe(true);
    expect(tenant.patches.size).toBe(20);
    expect(journalOf().filter((record) => record.type === 'row')).toHaveLength(20);
    expect(report.latencyMs.p50).not.toBeNull();
  });

  it('skips a contact that already has the outcome as a no-op without sending it', async () => {
    const tenant = fakeContacts(3);
    tenant.contacts.get('k-2')!.outcomeCode = 'INTERESTED';
    const started = await importer(tenant).start(specOf(rowsFor(3)));
    const report = await (started.ok ? started.value.done : Promise.reject(started.error));
    expect(report.counts).toMatchObject({ applied: 2, noop: 1 });
    expect(tenant.patches.has('k-2')).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ line: 3, contactId: 'k-2', result: 'noop' })]);
  });

  it('retries a busy contact later in the same run; one still on a call after the bounded wait ends the run left waiting', async () => {
    const tenant = fakeContacts(3);
    tenant.busyFor.set('k-1', 2);
    tenant.busyFor.set('k-3', 1_000_000);
    const tails: NonNullable<RunDetailOf<'import'>['busyTail']>[] = [];
    const started = await importer(tenant, { busyTailMs: 30, onProgress: (p) => void (p.detail.busyTail && tails.push(p.detail.busyTail)) }).start(
      specOf(rowsFor(3)),
    );
    const report = await (started.ok ? started.value.done : Promise.reject(started.error));
    expect(report.state).toBe('finished');
    expect(report.counts).toMatchObject({ applied: 2, failed: 0, pending: 1, waitingBusy: 1 });
    expect(tenant.patches.get('k-1')).toBe(1);
    expect(tenant.patches.has('k-3')).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ contactId: 'k-3', result: 'waiting' })]);
    expect(report.problems[0]?.reason).toMatch(/--retry-busy/);
    // The progress said so while it waited: one contact on a call, and when the wait ends.
    expect(tails.length).toBeGreaterThan(0);
    for (const tail of tails) expect([1, 2]).toContain(tail.contacts);
    expect(tails.at(-1)?.contacts).toBe(1);
    expect(Date.parse(tails.at(-1)?.endsAt ?? '')).not.toBeNaN();
    // The journal keeps the row as waiting, not as a result.
    const busy = journalOf().filter((record) => record.type === 'busy');
    expect(busy).toEqual([expect.objectContaining({ key: 'c-1/k-3', line: 4 })]);
    expect(
      journalOf()
        .filter((record) => record.type === 'row')
        .map((record) => record.type === 'row' && record.key),
    ).not.toContain('c-1/k-3');
    const [summary] = await importer(tenant).list();
    expect(summary).toMatchObject({ state: 'finished', counts: expect.objectContaining({ pending: 1, waitingBusy: 1 }) });
  });

  it('retries just the contacts left waiting, and nothing else of the file', async () => {
    const tenant = fakeContacts(4);
    tenant.busyFor.set('k-2', 1_000_000);
    tenant.busyFor.set('k-4', 1_000_000);
    const first = await importer(tenant, { busyTailMs: 20 }).start(specOf(rowsFor(4)));
    const firstReport = await (first.ok ? first.value.done : Promise.reject(first.error));
    expect(firstReport.counts).toMatchObject({ applied: 2, waitingBusy: 2 });
    // The calls ended.
    tenant.busyFor.clear();
    const retried = await importer(tenant).retryBusy(hash);
    const report = await (retried.ok ? retried.value.done : Promise.reject(retried.error));
    expect(report.state).toBe('finished');
    expect(report.counts).toMatchObject({ applied: 4, pending: 0, waitingBusy: 0 });
    expect(report.problems).toEqual([]);
    expect([...tenant.patches.entries()].sort()).toEqual([
      ['k-1', 1],
      ['k-2', 1],
      ['k-3', 1],
      ['k-4', 1],
    ]);
    // Nothing left to retry now.
    const again = await importer(tenant).retryBusy(hash);
    expect(again.ok ? null : again.error.code).toBe('NOTHING_WAITING');
  });

  it('Finish now ends the wait for contacts on a call at once and leaves them waiting', async () => {
    const tenant = fakeContacts(3);
    tenant.busyFor.set('k-2', 1_000_000);
    let finishNow: () => void = () => undefined;
    let asked = false;
    const started = await importer(tenant, {
      // An hour: the run can only end this soon because Finish now was pressed.
      busyTailMs: 3_600_000,
      onProgress: (p) => {
        if (p.detail.busyTail && !asked) {
          asked = true;
          finishNow();
        }
      },
    }).start(specOf(rowsFor(3)));
    if (!started.ok) throw new Error(started.error.message);
    finishNow = () => started.value.finishNow();
    const report = await started.value.done;
    expect(asked).toBe(true);
    expect(report.state).toBe('finished');
    expect(report.counts).toMatchObject({ applied: 2, waitingBusy: 1 });
    expect(report.problems).toEqual([expect.objectContaining({ contactId: 'k-2', result: 'waiting' })]);
  });

  it('resumes an interrupted run without sending any confirmed row again', async () => {
    const tenant = fakeContacts(40);
    const first = importer(tenant);
    const started = await first.start(specOf(rowsFor(40)));
    if (!started.ok) throw new Error(started.error.message);
    const run = started.value;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (run.progress().done >= 10) {
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
    const interrupted = await run.interrupt();
    expect(interrupted.state).toBe('interrupted');
    expect(interrupted.counts.pending).toBeGreaterThan(0);

    const second = importer(tenant);
    expect((await second.list())[0]?.state).toBe('interrupted');
    const [resumed] = await second.resumeInterrupted();
    const report = await resumed!.done;
    expect(report.counts).toMatchObject({ applied: 40, noop: 0, pending: 0 });
    expect(tenant.patches.size).toBe(40);
    expect([...tenant.patches.values()].every((n) => n === 1)).toBe(true);
  });

  it('counts a row whose PATCH landed just before a crash as applied, and notifies it', async () => {
    const tenant = fakeContacts(2);
    const rows = rowsFor(2);
    const sent: DispositionUpdateNotification[] = [];
    const options: Partial<DispositionImporterOptions> = {
      notifications: { enabled: () => true, enqueue: async (notification) => void sent.push(notification) },
    };
    // Simulate the crash: the journal says row 1 was being sent, and the tenant already shows it.
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${hash}.job.json`), JSON.stringify(specOf(rows)));
    writeFileSync(
      join(dir, `${hash}.journal.jsonl`),
      `${JSON.stringify({ type: 'start', at: '2026-11-20T15:00:00.000Z', jobId: hash, contentHash: hash, fileName: 'calls.csv', toApply: 2, heldBack: 0 })}\n` +
        `${JSON.stringify({ type: 'sending', at: '2026-11-20T15:00:01.000Z', key: 'c-1/k-1', line: 2 })}\n{"type":"row","at`,
    );
    Object.assign(tenant.contacts.get('k-1')!, {
      outcomeCode: 'INTERESTED',
      agentId: 'agent-7',
      dispositionTimestamp: '2026-11-20T15:00:00.000Z',
      state: 'DONE',
    });
    const [resumed] = await importer(tenant, options).resumeInterrupted();
    const report = await resumed!.done;
    expect(report.counts).toMatchObject({ applied: 2, noop: 0 });
    expect(tenant.patches.has('k-1')).toBe(false);
    expect(sent.map((n) => n.data.contactId).sort()).toEqual(['k-1', 'k-2']);
  });

  it('waits while the tenant cannot be reached and carries on when it is back', async () => {
    const tenant = fakeContacts(10);
    let tenantBack: () => void = () => {};
    const states: string[] = [];
    tenant.setUnreachable(true);
    const started = await importer(tenant, {
      waitForTenant: () => new Promise<void>((resolve) => (tenantBack = resolve)),
      onProgress: (progress: RunProgressOf<'import'>) => states.push(progress.detail.jobState),
    }).start(specOf(rowsFor(10)));
    if (!started.ok) throw new Error(started.error.message);
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (started.value.progress().detail.jobState === 'waiting_for_tenant') {
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
    expect(started.value.progress().counts.failed).toBe(0);
    tenant.setUnreachable(false);
    tenantBack();
    const report = await started.value.done;
    expect(report.counts).toMatchObject({ applied: 10, failed: 0 });
    expect(states).toContain('waiting_for_tenant');
  });

  it('stops resumably, failing no row, when the tenant cannot be reached and nobody waits for it', async () => {
    const tenant = fakeContacts(5);
    tenant.setUnreachable(true);
    const started = await importer(tenant).start(specOf(rowsFor(5)));
    const report = await (started.ok ? started.value.done : Promise.reject(started.error));
    expect(report.state).toBe('interrupted');
    expect(report.counts).toMatchObject({ failed: 0, applied: 0, pending: 5 });
    expect(report.problems.every((problem) => problem.result === 'not_sent')).toBe(true);
  });

  it('puts DO_NOT_CALL numbers on the suppression list and lists them in the report', async () => {
    const tenant = fakeContacts(3);
    const added: SuppressedContact[] = [];
    const rows = rowsFor(3);
    rows[1] = { ...rows[1]!, outcomeCode: 'DO_NOT_CALL' };
    const started = await importer(tenant, { suppression: { add: async (entry) => void added.push(entry) } }).start(specOf(rows));
    const report = await (started.ok ? started.value.done : Promise.reject(started.error));
    expect(added).toEqual([expect.objectContaining({ phone: '+15125550002', contactId: 'k-2' })]);
    expect(report.suppressed).toEqual([{ line: 3, campaignId: 'c-1', contactId: 'k-2', phone: '+15125550002' }]);
  });

  it('keeps a row applied, and says so, when its number cannot go on the suppression list or its notification cannot be queued', async () => {
    const tenant = fakeContacts(2);
    const rows = rowsFor(2, 'DO_NOT_CALL');
    const started = await importer(tenant, {
      suppression: { add: async () => Promise.reject(new Error('disk full')) },
      notifications: { enabled: () => true, enqueue: async () => Promise.reject(new Error('outbox closed')) },
    }).start(specOf(rows));
    const report = await (started.ok ? started.value.done : Promise.reject(started.error));
    expect(report.state).toBe('finished');
    expect(report.counts).toMatchObject({ applied: 2, failed: 0 });
    expect(report.suppressed).toEqual([]);
    expect(report.warnings.map((warning) => [warning.line, warning.message])).toEqual([
      [2, expect.stringMatching(/could not be put on the local suppression list: .*disk full/)],
      [2, expect.stringMatching(/CRM notification could not be queued: .*outbox closed/)],
      [3, expect.stringMatching(/suppression list/)],
      [3, expect.stringMatching(/CRM notification/)],
    ]);
  });

  it('sends nothing new while paused, continues on resume, and reports unsent rows on cancel', async () => {
    const tenant = fakeContacts(30);
    const release = tenant.hold();
    const started = await importer(tenant).start(specOf(rowsFor(30)));
    if (!started.ok) throw new Error(started.error.message);
    const run = started.value;
    run.pause();
    release();
    await new Promise<void>((resolve) => setImmediate(resolve));
    const afterPause = tenant.patches.size;
    expect(afterPause).toBeLessThanOrEqual(4);
    expect(run.progress().detail.jobState).toBe('paused');
    const release2 = tenant.hold();
    run.resume();
    run.cancel();
    release2();
    const report = await run.done;
    expect(report.state).toBe('cancelled');
    expect(report.counts.applied + report.counts.pending).toBe(30);
    expect(report.counts.pending).toBeGreaterThan(0);
    expect(report.problems.filter((p) => p.result === 'not_sent')).toHaveLength(report.counts.pending);
  });

  it('asks for confirmation before importing the same file again', async () => {
    const tenant = fakeContacts(3);
    const first = await importer(tenant).start(specOf(rowsFor(3)));
    await (first.ok ? first.value.done : Promise.reject(first.error));
    const again = await importer(tenant).start(specOf(rowsFor(3)));
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('ALREADY_IMPORTED');
    const confirmed = await importer(tenant).start(specOf(rowsFor(3)), { confirmReimport: true });
    const report = await (confirmed.ok ? confirmed.value.done : Promise.reject(confirmed.error));
    expect(report.counts).toMatchObject({ applied: 0, noop: 3 });
  });

  it('refuses to start a file another live process is importing, and takes over a lock a killed one left stale', async () => {
    const tenant = fakeContacts(2);
    const lockPath = join(dir, `${hash}.job.lock`);
    const held = await lockJob(lockPath);
    const refused = await importer(tenant).start(specOf(rowsFor(2)));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ kind: 'conflict', code: 'IMPORT_RUNNING' });
    expect(tenant.patches.size).toBe(0);
    await held.release();

    // A killed holder leaves its lock folder behind, and nobody refreshes it any more; the pid file of older versions means nothing.
    mkdirSync(lockPath);
    const longAgo = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(lockPath, longAgo, longAgo);
    writeFileSync(join(dir, `${hash}.lock`), String(process.pid));
    const started = await importer(tenant).start(specOf(rowsFor(2)));
    const report = await (started.ok ? started.value.done : Promise.reject(started.error));
    expect(report.counts.applied).toBe(2);
    expect(existsSync(lockPath)).toBe(false);
    expect(existsSync(join(dir, `${hash}.lock`))).toBe(false);
  });

  it('reports rows held back by validation as rejected and superseded', async () => {
    const tenant = fakeContacts(1);
    const started = await importer(tenant).start(
      specOf(rowsFor(1), [
        { line: 5, campaignId: 'c-1', contactId: 'k-9', outcomeCode: 'MAYBE', kind: 'rejected', reason: 'outcome_code: MAYBE is not in the outcome matrix' },
        { line: 3, campaignId: 'c-1', contactId: 'k-1', outcomeCode: 'NO_ANSWER', kind: 'superseded', reason: 'superseded by line 2' },
      ]),
    );
    const report = await (started.ok ? started.value.done : Promise.reject(started.error));
    expect(report.counts).toMatchObject({ applied: 1, rejected: 1, superseded: 1 });
    expect(report.total).toBe(3);
    expect(report.problems.map((p) => p.line)).toEqual([3, 5]);
  });
});
