import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, type AuditLog } from '../../../electron/audit/audit-log';
import { expectedHash } from '../../../electron/audit/entry-hash';
import { genesisHash, type AuditEntry } from '../../../shared/audit/audit-entry';
import { ConsoleFailure } from '../../../shared/errors';
import { linesOf, pauseOf, removeDir, steppingClock, tempDir } from './audit-fixtures';

describe('audit log writer', () => {
  let dir: string;
  let log: AuditLog;

  beforeEach(async () => {
    dir = tempDir('audit');
    log = await createAuditLog({ dir, clock: steppingClock() });
  });

  afterEach(async () => {
    await log.close();
    removeDir(dir);
  });

  it('has the entry on disk, chained to the previous one, by the time append resolves', async () => {
    const first = await log.append(pauseOf('c-1'));
    const second = await log.append(pauseOf('c-2', { outcome: 'already', reason: 'It was already paused.' }));
    const onDisk = linesOf(join(dir, 'audit.jsonl')).map((line) => JSON.parse(line) as AuditEntry);
    expect(onDisk).toEqual([first, second]);
    expect(first).toMatchObject({ seq: 1, at: '2025-03-01T09:00:00.000Z', prevHash: genesisHash, target: { id: 'c-1' } });
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    expect(expectedHash(onDisk[1] as unknown as Record<string, unknown>)).toBe(second.hash);
  });

  it('continues the sequence and the chain after a restart', async () => {
    const before = await log.append(pauseOf('c-1'));
    await log.close();
    log = await createAuditLog({ dir, clock: steppingClock() });
    const after = await log.append(pauseOf('c-2'));
    expect(after.seq).toBe(before.seq + 1);
    expect(after.prevHash).toBe(before.hash);
    expect(await log.verify()).toEqual({ ok: true, entries: 2 });
  });

  it('keeps one chain when many callers append at once', async () => {
    const written = await Promise.all(Array.from({ length: 300 }, (_, index) => log.append(pauseOf(`c-${index}`))));
    expect(written.map((entry) => entry.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, index) => index + 1));
    const onDisk = linesOf(join(dir, 'audit.jsonl')).map((line) => JSON.parse(line) as AuditEntry);
    expect(onDisk.map((entry) => entry.seq)).toEqual(Array.from({ length: 300 }, (_, index) => index + 1));
    expect(await log.verify()).toEqual({ ok: true, entries: 300 });
  });

  it('tells subscribers about each entry once it is written', async () => {
    const seen: { entry: AuditEntry; fileAtThatTime: string }[] = [];
    const off = log.onAppended((entry) => seen.push({ entry, fileAtThatTime: readFileSync(join(dir, 'audit.jsonl'), 'utf8') }));
    const entry = await log.append(pauseOf('c-1'));
    off();
    await log.append(pauseOf('c-2'));
    expect(seen.map((item) => item.entry)).toEqual([entry]);
    expect(seen[0]?.fileAtThatTime).toContain(entry.hash);
  });

  it('refuses an entry that does not match the schema, without spending a sequence number', async () => {
    const bad = { ...pauseOf('c-1'), outcome: 'maybe' } as unknown as Parameters<AuditLog['append']>[0];
    await expect(log.append(bad)).rejects.toBeInstanceOf(ConsoleFailure);
    await expect(log.append({ ...pauseOf('c-1'), details: { count: 1n } })).rejects.toThrow(/refused/);
    expect((await log.append(pauseOf('c-1'))).seq).toBe(1);
  });

  it('cuts off a half-written last line left by a crash, says so in the chain and continues from the last whole entry', async () => {
    const kept = await log.append(pauseOf('c-1'));
    await log.close();
    appendFileSync(join(dir, 'audit.jsonl'), '{"seq":2,"at":"2025-03-01T09:00:01');
    log = await createAuditLog({ dir, clock: steppingClock() });
    const next = await log.append(pauseOf('c-2'));
    const [notice] = await log.query({ before: next.seq, limit: 1 });
    expect(notice).toMatchObject({ seq: 2, prevHash: kept.hash, action: 'audit.torn_line_kept' });
    expect(next).toMatchObject({ seq: 3, prevHash: notice?.hash });
    expect(await log.verify()).toEqual({ ok: true, entries: 3 });
  });

  it('rejects appends after close', async () => {
    await log.close();
    await expect(log.append(pauseOf('c-1'))).rejects.toThrow(/closed/);
  });

  it('writes appends queued before close', async () => {
    const pending = log.append(pauseOf('c-1'));
    await log.close();
    expect((await pending).seq).toBe(1);
    expect(linesOf(join(dir, 'audit.jsonl'))).toHaveLength(1);
  });
});
