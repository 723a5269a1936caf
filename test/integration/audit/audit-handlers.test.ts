import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAuditCsv } from '../../../electron/audit/audit-export';
import { createAuditHandlers } from '../../../electron/audit/audit-handlers';
import { createAuditLog, type AuditLog } from '../../../electron/audit/audit-log';
import { auditRequestChannels } from '../../../shared/ipc/channels/audit';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { editLines, pauseOf, removeDir, steppingClock, tempDir } from '../../unit/audit/audit-fixtures';

type AuditChannel = keyof typeof auditRequestChannels;

describe('audit IPC handlers against a real audit log', () => {
  let dataDir: string;
  let log: AuditLog;
  let handlers: ReturnType<typeof createAuditHandlers>;
  const exportedAt = new Date(2025, 2, 1, 9, 30);

  /** As dispatch does it: the request through the contract's schema, the answer checked against it. */
  async function call<K extends AuditChannel>(channel: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
    const spec = auditRequestChannels[channel];
    const handler = handlers[channel] as (parsed: unknown) => Promise<unknown>;
    return spec.response.parse(await handler(spec.request.parse(request))) as ResponseOf<K>;
  }
  const seqs = (page: { entries: { seq: number }[] }) => page.entries.map((entry) => entry.seq);

  beforeEach(async () => {
    dataDir = tempDir('audit-handlers');
    log = await createAuditLog({ dir: join(dataDir, 'audit'), clock: steppingClock('2025-03-01T09:00:00.000Z') });
    handlers = createAuditHandlers(log, dataDir, () => exportedAt);
    await log.append(pauseOf('c-1')); // 1, 09:00:00
    await log.append(pauseOf('c-2', { actor: { type: 'rule', name: 'Weather auto-pause' }, action: 'campaign.emergency_pause' })); // 2
    await log.append(
      pauseOf('c-1', {
        action: 'campaign.resume',
        outcome: 'impossible',
        reason: 'Campaign is completed',
        before: { status: 'completed' },
        after: { status: 'completed' },
      }),
    ); // 3
    await log.append({
      actor: { type: 'import', name: 'dispositions.csv' },
      tenant: 'Demo tenant',
      action: 'disposition.apply',
      target: { type: 'contact', id: 'k-9' },
      outcome: 'failed',
      reason: 'Contact busy, "retry later"',
      details: { campaignId: 'c-1', outcomeCode: 'DO_NOT_CALL' },
    }); // 4
    await log.append(pauseOf('c-3', { actor: { type: 'cli', name: 'ops' }, target: { type: 'campaign', id: 'c-3', name: '=HYPERLINK("x")' } })); // 5, 09:00:04
  });

  afterEach(async () => {
    await log.close();
    removeDir(dataDir);
  });

  it('answers a page newest first with the default limit', async () => {
    const page = await call('audit:query', {});
    expect(seqs(page)).toEqual([5, 4, 3, 2, 1]);
    expect(page).toMatchObject({ hasMore: false, nextCursor: null });
  });

  it('filters by actor type, actor name, campaign, outcome, text and time', async () => {
    expect(seqs(await call('audit:query', { actorType: 'rule' }))).toEqual([2]);
    expect(seqs(await call('audit:query', { actorName: 'OPS' }))).toEqual([5]);
    expect(seqs(await call('audit:query', { campaignId: 'c-1' }))).toEqual([4, 3, 1]);
    expect(seqs(await call('audit:query', { outcome: 'impossible' }))).toEqual([3]);
    expect(seqs(await call('audit:query', { text: 'retry LATER' }))).toEqual([4]);
    expect(seqs(await call('audit:query', { from: '2025-03-01T09:00:01.000Z', to: '2025-03-01T09:00:03.000Z' }))).toEqual([4, 3, 2]);
    expect(seqs(await call('audit:query', { campaignId: 'c-1', outcome: 'success' }))).toEqual([1]);
  });

  it('pages with the cursor until the start of the log, and says exactly when there is more', async () => {
    const first = await call('audit:query', { limit: 2 });
    expect(seqs(first)).toEqual([5, 4]);
    expect(first).toMatchObject({ hasMore: true, nextCursor: 4 });
    const second = await call('audit:query', { limit: 2, before: first.nextCursor! });
    expect(seqs(second)).toEqual([3, 2]);
    expect(second).toMatchObject({ hasMore: true, nextCursor: 2 });
    const third = await call('audit:query', { limit: 2, before: second.nextCursor! });
    expect(seqs(third)).toEqual([1]);
    expect(third).toMatchObject({ hasMore: false, nextCursor: null });
    // A page that ends exactly on the last match does not offer an empty next page.
    const campaignPage = await call('audit:query', { campaignId: 'c-1', limit: 3 });
    expect(seqs(campaignPage)).toEqual([4, 3, 1]);
    expect(campaignPage.hasMore).toBe(false);
  });

  it('sees entries appended after the first page without repeating older ones', async () => {
    const first = await call('audit:query', { limit: 2 });
    await log.append(pauseOf('c-9'));
    const next = await call('audit:query', { limit: 2, before: first.nextCursor! });
    expect(seqs(next)).toEqual([3, 2]);
    expect(seqs(await call('audit:query', { limit: 1 }))).toEqual([6]);
  });

  it('exports the filtered entries as CSV into the exports folder and returns the same text', async () => {
    const exported = await call('audit:exportCsv', { campaignId: 'c-1' });
    expect(exported.fileName).toBe('audit-20250301-0930.csv');
    expect(exported.path).toBe(join(dataDir, 'exports', 'audit-20250301-0930.csv'));
    expect(exported.rows).toBe(3);
    expect(exported.csv).toBe(readFileSync(exported.path, 'utf8'));
    const records = parse(exported.csv!, { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.seq)).toEqual(['4', '3', '1']);
    expect(records[0]).toMatchObject({ action: 'disposition.apply', outcome: 'failed', reason: 'Contact busy, "retry later"' });
    expect(JSON.parse(records[1]!.before!)).toEqual({ status: 'completed' });
    expect(readdirSync(join(dataDir, 'exports'))).toEqual(['audit-20250301-0930.csv']);
  });

  it('exports everything without a page limit, neutralising formula-like cells', async () => {
    const exported = await call('audit:exportCsv', {});
    expect(exported.rows).toBe(5);
    expect(exported.csv!.split('\r\n')[0]).toMatch(/^seq,at,actorType,actorName,/);
    expect(exported.csv).toContain(`'=HYPERLINK(""x"")`);
  });

  it('keeps a large export on disk only, and leaves no partial file behind', async () => {
    const exported = await exportAuditCsv(log, {}, { dir: join(dataDir, 'exports'), now: () => exportedAt, inlineMaxBytes: 100 });
    expect(exported.csv).toBeNull();
    expect(exported.rows).toBe(5);
    expect(readFileSync(exported.path, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(6);
    expect(existsSync(`${exported.path}.partial`)).toBe(false);
  });

  it('verifies an intact chain and names the first entry edited on disk', async () => {
    expect(await call('audit:verify', {})).toEqual({ ok: true, entries: 5 });
    editLines(join(dataDir, 'audit', 'audit.jsonl'), (lines) =>
      lines.map((line, index) => (index === 2 ? line.replace('Campaign is completed', 'Campaign was running') : line)),
    );
    expect(await call('audit:verify', {})).toEqual({
      ok: false,
      firstBadSeq: 3,
      file: 'audit.jsonl',
      line: 3,
      problem: 'altered',
      message: 'Audit entry 3 was changed after it was written.',
    });
  });

  it('refuses requests the contract does not allow before they reach the log', async () => {
    await expect(call('audit:query', { from: '2025-03-02T00:00:00Z', to: '2025-03-01T00:00:00Z' })).rejects.toThrow(/before its start/);
    expect(auditRequestChannels['audit:exportCsv'].request.safeParse({ outcome: 'maybe' }).success).toBe(false);
  });
});
