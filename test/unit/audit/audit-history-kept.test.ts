import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, verifyAuditChain, type AuditLog } from '../../../electron/audit/audit-log';
import { checkAuditFolder, exportAuditFolderCsv, listAuditFolder } from '../../../electron/audit/audit-folder';
import { runCli } from '../../../electron/host/cli/cli';
import type { AuditEntry } from '../../../shared/audit/audit-entry';
import { capturedIo } from '../../integration/cli/cli-io';
import { allEntries, logLinesOf, pauseOf, removeDir, tempDir } from './audit-fixtures';
import { Writable } from 'node:stream';

const minute = 60_000;
const day = 24 * 60 * minute;
const weekStart = Date.parse('2026-03-02T00:00:00.000Z');
/** One entry every 10 minutes for 7 days. */
const weekOfEntries = (7 * day) / (10 * minute);

/** A clock the test moves by hand: each entry is stamped with the time the test set. */
function handClock(start: number) {
  let now = start;
  return { read: () => new Date(now), set: (time: number) => (now = time) };
}

const csvSink = () => {
  let text = '';
  return { stream: new Writable({ write: (chunk: Buffer, _encoding, done) => ((text += chunk.toString()), done()) }), text: () => text };
};

describe('the audit log keeps its history', () => {
  let dataDir: string;
  let dir: string;
  let log: AuditLog | null;
  const clock = handClock(weekStart);

  beforeEach(() => {
    dataDir = tempDir('audit-history');
    dir = join(dataDir, 'audit');
    log = null;
  });

  afterEach(async () => {
    await log?.close();
    removeDir(dataDir);
  });

  const writeWeek = async (options: { retentionDays?: number | null } = {}) => {
    log = await createAuditLog({ dir, clock: clock.read, maxFileBytes: 8 * 1024, ...options });
    for (let index = 0; index < weekOfEntries; index += 48) {
      // A burst of 48 (8 hours) at a time, appended concurrently as the app would.
      const burst = Array.from({ length: Math.min(48, weekOfEntries - index) }, (_, offset) => index + offset);
      clock.set(weekStart + burst[0]! * 10 * minute);
      await Promise.all(burst.map((n) => log!.append(pauseOf(`c-${n}`, { reason: `entry ${n}` }))));
    }
  };

  it('a week of entries across many rotations: every file is kept, compressed, and verify, list and export read them all', async () => {
    await writeWeek();
    const archives = readdirSync(dir).filter((name) => name.endsWith('.jsonl.gz'));
    expect(archives.length).toBeGreaterThan(30);
    expect(readdirSync(dir).filter((name) => name.endsWith('.jsonl'))).toEqual(['audit.jsonl']);

    expect(await verifyAuditChain(dir)).toEqual({ ok: true, entries: weekOfEntries });
    const check = await checkAuditFolder(dir);
    expect(check.files).toBe(archives.length + 1);

    // The oldest entries are only in compressed files: list pages down to them.
    const all = await listAuditFolder(dir, {});
    expect(all.map((entry) => entry.seq)).toEqual(Array.from({ length: weekOfEntries }, (_, index) => weekOfEntries - index));
    const oldest = await listAuditFolder(dir, { before: 4, limit: 10 });
    expect(oldest.map((entry) => entry.reason)).toEqual(['entry 2', 'entry 1', 'entry 0']);
    const oneCampaign = await listAuditFolder(dir, { campaignId: 'c-5' });
    expect(oneCampaign.map((entry) => entry.seq)).toEqual([6]);
    expect((await log!.query({ before: 3, limit: 5 })).map((entry: AuditEntry) => entry.seq)).toEqual([2, 1]);

    const csv = csvSink();
    expect(await exportAuditFolderCsv(dir, {}, csv.stream)).toEqual({ rows: weekOfEntries });
    expect(csv.text()).toContain('entry 0');

    const terminal = capturedIo({ CXONE_DATA_DIR: dataDir });
    expect(await runCli(['audit', 'verify'], terminal.io)).toBe(0);
    expect(terminal.stdout()).toBe(`Audit chain intact: ${weekOfEntries} entries in ${archives.length + 1} files.\n`);
    const listed = capturedIo({ CXONE_DATA_DIR: dataDir });
    expect(await runCli(['audit', 'list', '--limit', String(weekOfEntries), '--json'], listed.io)).toBe(0);
    expect((JSON.parse(listed.stdout()) as AuditEntry[]).at(-1)).toMatchObject({ seq: 1, reason: 'entry 0' });
  });

  it('a retention run appends a checkpoint before it removes files, and verify passes on what is left, saying where it begins', async () => {
    await writeWeek();
    await log!.close();
    const before = readdirSync(dir)
      .filter((name) => name.endsWith('.jsonl.gz'))
      .sort();
    // Three days later, with a 5-day retention: the first days' files are due.
    clock.set(weekStart + 10 * day);
    log = await createAuditLog({ dir, clock: clock.read, maxFileBytes: 8 * 1024, retentionDays: 5 });

    const after = readdirSync(dir)
      .filter((name) => name.endsWith('.jsonl.gz'))
      .sort();
    const removed = before.filter((name) => !after.includes(name));
    expect(removed.length).toBeGreaterThan(5);
    expect(after.length).toBeGreaterThan(5);
    const [checkpoint] = await log.query({ limit: 1 });
    const firstKept = JSON.parse(logLinesOf(join(dir, after[0]!))[0]!) as AuditEntry;
    expect(checkpoint).toMatchObject({
      seq: weekOfEntries + 1,
      action: 'audit.retention',
      actor: { type: 'system' },
      details: { checkpoint: { firstKeptSeq: firstKept.seq, continuesFrom: firstKept.prevHash, removedFiles: removed, retentionDays: 5 } },
    });
    // Everything removed is older than five days before "now"; the first kept file holds entries newer than that.
    const cutoff = weekStart + 5 * day;
    expect(Date.parse(firstKept.at)).toBeLessThan(cutoff);
    const kept = await allEntries(dir);
    expect(kept.every((entry) => entry.seq >= firstKept.seq)).toBe(true);
    expect(kept.some((entry) => Date.parse(entry.at) >= cutoff)).toBe(true);

    expect(await verifyAuditChain(dir)).toEqual({
      ok: true,
      entries: weekOfEntries + 1 - (firstKept.seq - 1),
      keptFrom: { seq: firstKept.seq, removedBy: 'retention', at: checkpoint!.at },
    });
    const terminal = capturedIo({ CXONE_DATA_DIR: dataDir });
    expect(await runCli(['audit', 'verify'], terminal.io)).toBe(0);
    expect(terminal.stdout()).toContain(`kept history begins at entry ${firstKept.seq} (older entries removed by the retention setting`);
  });

  it('keeps everything by default, however old', async () => {
    await writeWeek();
    await log!.close();
    clock.set(weekStart + 3650 * day);
    log = await createAuditLog({ dir, clock: clock.read, maxFileBytes: 8 * 1024 });
    await log.append(pauseOf('c-late'));
    expect(await verifyAuditChain(dir)).toEqual({ ok: true, entries: weekOfEntries + 1 });
  });

  it('a torn last line after a crash: verify reports it; the next append keeps it aside, says so in the chain, and continues', async () => {
    log = await createAuditLog({ dir, clock: clock.read });
    for (let index = 1; index <= 5; index += 1) await log.append(pauseOf(`c-${index}`));
    await log.close();
    const fragment = '{"seq":6,"at":"2026-03-02T00:00:00.000Z","actor":{"type":"user","na';
    appendFileSync(join(dir, 'audit.jsonl'), fragment);

    expect(await verifyAuditChain(dir)).toMatchObject({ ok: false, problem: 'torn', firstBadSeq: 6, file: 'audit.jsonl', line: 6 });
    const terminal = capturedIo({ CXONE_DATA_DIR: dataDir });
    expect(await runCli(['audit', 'verify'], terminal.io)).toBe(1);
    expect(terminal.stdout()).toMatch(/incomplete: a crash while writing entry 6/);

    log = await createAuditLog({ dir, clock: clock.read });
    const next = await log.append(pauseOf('c-6'));
    const torn = readdirSync(dir).filter((name) => name.startsWith('audit.torn-'));
    expect(torn).toHaveLength(1);
    expect(readFileSync(join(dir, torn[0]!), 'utf8')).toBe(fragment);
    const [notice] = await log.query({ before: next.seq, limit: 1 });
    expect(notice).toMatchObject({ seq: 6, action: 'audit.torn_line_kept', details: { keptAs: torn[0], bytes: fragment.length } });
    expect(next).toMatchObject({ seq: 7, prevHash: notice!.hash });
    expect(await verifyAuditChain(dir)).toEqual({ ok: true, entries: 7 });
    expect(existsSync(join(dir, 'audit.head.json'))).toBe(true);
  });
});
