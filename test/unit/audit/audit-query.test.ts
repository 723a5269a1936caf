import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, queryAuditDir, type AuditLog } from '../../../electron/audit/audit-log';
import { pauseOf, removeDir, steppingClock, tempDir } from './audit-fixtures';

describe('audit queries', () => {
  let dir: string;
  let log: AuditLog;

  beforeEach(async () => {
    dir = tempDir('audit-query');
    // Small files so the queries also cross rotated files.
    log = await createAuditLog({ dir, clock: steppingClock('2025-03-01T09:00:00.000Z'), maxFileBytes: 2000 });
    await log.append(pauseOf('c-1'));
    await log.append(pauseOf('c-2', { actor: { type: 'rule', name: 'Weather auto-pause' }, action: 'campaign.emergency_pause' }));
    await log.append(pauseOf('c-1', { action: 'campaign.resume', outcome: 'impossible', reason: 'Campaign is completed' }));
    await log.append({
      actor: { type: 'import', name: 'dispositions.csv' },
      tenant: 'Demo tenant',
      action: 'disposition.apply',
      target: { type: 'contact', id: 'k-9' },
      outcome: 'failed',
      details: { campaignId: 'c-1', outcomeCode: 'DO_NOT_CALL' },
    });
    await log.append(pauseOf('c-3', { actor: { type: 'cli', name: 'ops' } }));
  });

  afterEach(async () => {
    await log.close();
    removeDir(dir);
  });

  const seqs = (entries: { seq: number }[]) => entries.map((entry) => entry.seq);

  it('lists newest first', async () => {
    expect(seqs(await log.query())).toEqual([5, 4, 3, 2, 1]);
  });

  it('filters by actor type and by actor name, ignoring case', async () => {
    expect(seqs(await log.query({ actorType: 'rule' }))).toEqual([2]);
    expect(seqs(await log.query({ actorName: 'OPS' }))).toEqual([5]);
  });

  it('filters by campaign, including entries that name it in their details', async () => {
    expect(seqs(await log.query({ campaignId: 'c-1' }))).toEqual([4, 3, 1]);
  });

  it('filters by outcome', async () => {
    expect(seqs(await log.query({ outcome: 'impossible' }))).toEqual([3]);
  });

  it('searches text in actions, reasons and details', async () => {
    expect(seqs(await log.query({ text: 'completed' }))).toEqual([3]);
    expect(seqs(await log.query({ text: 'do_not_call' }))).toEqual([4]);
    expect(seqs(await log.query({ text: 'emergency' }))).toEqual([2]);
  });

  it('filters by an inclusive time range', async () => {
    expect(seqs(await log.query({ from: '2025-03-01T09:00:01.000Z', to: '2025-03-01T09:00:03.000Z' }))).toEqual([4, 3, 2]);
  });

  it('pages with a limit and a seq cursor', async () => {
    const first = await log.query({ limit: 2 });
    expect(seqs(first)).toEqual([5, 4]);
    const second = await log.query({ limit: 2, before: first.at(-1)!.seq });
    expect(seqs(second)).toEqual([3, 2]);
    expect(seqs(await log.query({ limit: 2, before: 2 }))).toEqual([1]);
  });

  it('reads across rotated files and from the folder alone', async () => {
    for (let index = 6; index <= 30; index += 1) await log.append(pauseOf(`c-${index}`));
    const all = await queryAuditDir(dir, {});
    expect(seqs(all)).toEqual(Array.from({ length: all.length }, (_, index) => 30 - index));
    expect(all.length).toBeGreaterThan(10);
  });
});
