import { describe, expect, it } from 'vitest';
import { createDispositionsStore, rowPageSize } from '../../../renderer/features/dispositions/dispositions-store';
import type { BatchOverview, BatchRow } from '../../../shared/dispositions/import-batch';
import type { ImportJobSummary } from '../../../shared/dispositions/import-job';
import type { RunProgressOf } from '../../../shared/runs/run-progress';
import type { ImportReport } from '../../../shared/dispositions/import-report';
import { consoleError } from '../../../shared/errors';
import { createFakeConsole, deferred, FakeRefusal, settle } from './fake-console';

const noCounts = { applied: 0, noop: 0, rejected: 0, superseded: 0, failed: 0, pending: 0, waitingBusy: 0 };

const earlierImport: ImportJobSummary = {
  id: 'job-1',
  contentHash: 'hash-a',
  fileName: 'outcomes.csv',
  state: 'finished',
  startedAt: '2026-01-04T10:00:00.000Z',
  finishedAt: '2026-01-04T10:01:00.000Z',
  total: 450,
  counts: { ...noCounts, applied: 450 },
};

function overview(previousImport: ImportJobSummary | null = null): BatchOverview {
  return {
    sessionId: 'session-1',
    fileName: 'outcomes.csv',
    contentHash: 'hash-a',
    encoding: 'utf-8',
    sizeBytes: 30_000,
    headers: ['campaign_id', 'contact_id', 'outcome'],
    fields: [{ name: 'outcome', label: 'Outcome', required: true }],
    mapping: { outcome: 'outcome' },
    fileProblems: [],
    unread: null,
    counts: { total: 450, invalid: 0, willApply: 450, willSkip: 0, edited: 0 },
    outcomeMatrix: ['INTERESTED'],
    outcomeMatrixSource: 'default',
    previousImport,
  };
}

const row = (line: number): BatchRow => ({ line, cells: { outcome: 'INTERESTED' }, status: 'will_apply', problems: [], note: null, dryRun: null });
const rowsFrom = (offset: number, count: number) => Array.from({ length: count }, (_, index) => row(offset + index + 2));

function progress(jobId: string): RunProgressOf<'import'> {
  return {
    runId: jobId,
    kind: 'import',
    state: 'running',
    done: 0,
    total: 450,
    ratePerSecond: 0,
    counts: noCounts,
    detail: { mode: 'apply', jobState: 'running', busyTail: null },
  };
}

function settledReport(jobId: string): ImportReport {
  return {
    jobId,
    contentHash: 'hash-a',
    fileName: 'outcomes.csv',
    dryRun: false,
    state: 'finished',
    startedAt: '2026-01-05T10:00:00.000Z',
    finishedAt: '2026-01-05T10:01:00.000Z',
    total: 450,
    counts: { ...noCounts, applied: 450 },
    latencyMs: { p50: 3, p95: 9 },
    wallMs: 60_000,
    suppressed: [],
    notificationsQueued: 0,
    problems: [],
    warnings: [],
  };
}

function fakeWithOpenFile(previousImport: ImportJobSummary | null = null) {
  return createFakeConsole({
    'dispositions:jobs': () => [],
    'dispositions:open': () => overview(previousImport),
    'dispositions:rows': ({ offset, limit }) => ({ total: 450, offset, rows: rowsFrom(offset, Math.min(limit, 450 - offset)) }),
  });
}

describe('dispositions store', () => {
  it('reads each page of rows once, and again only after the rows changed', async () => {
    const fake = fakeWithOpenFile();
    const store = createDispositionsStore(fake.api);
    await store.getState().openPath('/data/outcomes.csv');
    await settle();
    expect(fake.requests('dispositions:rows').map((r) => r.offset)).toEqual([0]);
    expect(store.getState().pages.get(0)).toHaveLength(rowPageSize);

    await Promise.all([store.getState().loadPage(0), store.getState().loadPage(1), store.getState().loadPage(1)]);
    expect(fake.requests('dispositions:rows').map((r) => r.offset)).toEqual([0, rowPageSize]);
    expect(store.getState().filteredTotal).toBe(450);

    store.getState().setFilter('invalid');
    await settle();
    expect(fake.requests('dispositions:rows').map((r) => [r.offset, r.filter])).toEqual([
      [0, 'all'],
      [rowPageSize, 'all'],
      [0, 'invalid'],
    ]);
    expect([...store.getState().pages.keys()]).toEqual([0]);
  });

  it('drops a page that arrives after the filter changed under it', async () => {
    const fake = fakeWithOpenFile();
    const store = createDispositionsStore(fake.api);
    await store.getState().openPath('/data/outcomes.csv');
    await settle();
    const slow = deferred<{ total: number; offset: number; rows: BatchRow[] }>();
    fake.handle('dispositions:rows', ({ filter, offset }) => (filter === 'all' ? slow.promise : { total: 0, offset, rows: [] }));

    const late = store.getState().loadPage(1);
    store.getState().setFilter('will_skip');
    await settle();
    slow.resolve({ total: 450, offset: rowPageSize, rows: rowsFrom(rowPageSize, rowPageSize) });
    await late;
    expect(store.getState().pages.has(1)).toBe(false);
    expect(store.getState().filteredTotal).toBe(0);
  });

  it('asks before importing the same file again, and imports it on an explicit yes', async () => {
    const fake = fakeWithOpenFile(earlierImport);
    fake.handle('dispositions:apply', ({ confirmReimport }) => {
      if (!confirmReimport) throw new FakeRefusal(consoleError('conflict', 'outcomes.csv was already imported.', { code: 'ALREADY_IMPORTED' }));
      return { ...earlierImport, id: 'job-2', state: 'running', finishedAt: null };
    });
    fake.handle('dispositions:progress', ({ jobId }) => progress(jobId));
    const store = createDispositionsStore(fake.api);
    await store.getState().openPath('/data/outcomes.csv');

    await store.getState().apply(false);
    expect(store.getState().reimportOf).toEqual(earlierImport);
    expect(store.getState().error).toBeNull();
    expect(store.getState().progress).toBeNull();

    store.getState().declineReimport();
    expect(store.getState().reimportOf).toBeNull();

    await store.getState().apply(true);
    expect(fake.requests('dispositions:apply').map((r) => r.confirmReimport)).toEqual([false, true]);
    expect(store.getState().reimportOf).toBeNull();
    expect(store.getState().progress?.runId).toBe('job-2');
  });

  it('counts the open file as imported once its import settles, so applying again asks first', async () => {
    const fake = fakeWithOpenFile();
    fake.handle('dispositions:apply', () => ({ ...earlierImport, id: 'job-2', state: 'running', finishedAt: null }));
    fake.handle('dispositions:progress', ({ jobId }) => progress(jobId));
    const store = createDispositionsStore(fake.api);
    const stop = store.getState().start();
    await store.getState().openPath('/data/outcomes.csv');
    await store.getState().apply(false);

    const finished: ImportJobSummary = { ...earlierImport, id: 'job-2', startedAt: '2026-01-05T10:00:00.000Z' };
    fake.handle('dispositions:jobs', () => [finished]);
    fake.emit('dispositions:importSettled', settledReport('job-2'));
    await settle();
    expect(store.getState().report?.jobId).toBe('job-2');
    expect(store.getState().progress).toBeNull();
    expect(store.getState().overview?.previousImport).toEqual(finished);
    stop();
  });

  it('says why a file could not be opened and shows nothing as opening', async () => {
    const fake = createFakeConsole({
      'dispositions:open': () => {
        throw new FakeRefusal(consoleError('not_found', 'There is no file at /data/missing.csv.'));
      },
    });
    const store = createDispositionsStore(fake.api);
    await store.getState().openPath('/data/missing.csv');
    expect(store.getState().error?.message).toBe('There is no file at /data/missing.csv.');
    expect(store.getState().opening).toBeNull();
    expect(store.getState().overview).toBeNull();
  });
});
