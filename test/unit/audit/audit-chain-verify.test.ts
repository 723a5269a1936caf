import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, verifyAuditChain, type AuditLog } from '../../../electron/audit/audit-log';
import { expectedHash } from '../../../electron/audit/entry-hash';
import { allEntries, editLines, logLinesOf, pauseOf, removeDir, steppingClock, tempDir } from './audit-fixtures';

const fill = async (log: AuditLog, count: number) => {
  for (let index = 1; index <= count; index += 1) await log.append(pauseOf(`c-${index}`));
};

describe('audit chain verification', () => {
  let dir: string;
  let log: AuditLog;
  const current = () => join(dir, 'audit.jsonl');

  beforeEach(async () => {
    dir = tempDir('audit-verify');
    log = await createAuditLog({ dir, clock: steppingClock() });
  });

  afterEach(async () => {
    await log.close();
    removeDir(dir);
  });

  it('accepts an untouched log and counts its entries', async () => {
    await fill(log, 12);
    expect(await verifyAuditChain(dir)).toEqual({ ok: true, entries: 12 });
  });

  it('accepts an empty folder (nothing was ever written)', async () => {
    expect(await verifyAuditChain(dir)).toEqual({ ok: true, entries: 0 });
  });

  it('finds a field changed in place', async () => {
    await fill(log, 6);
    editLines(current(), (lines) => lines.map((line, index) => (index === 3 ? line.replace('"outcome":"success"', '"outcome":"failed"') : line)));
    expect(await verifyAuditChain(dir)).toMatchObject({ ok: false, problem: 'altered', firstBadSeq: 4, file: 'audit.jsonl', line: 4 });
  });

  it('finds a changed entry whose own hash was recomputed, through its successor', async () => {
    await fill(log, 6);
    editLines(current(), (lines) =>
      lines.map((line, index) => {
        if (index !== 1) return line;
        const entry = JSON.parse(line) as Record<string, unknown>;
        entry.reason = 'nothing to see';
        entry.hash = expectedHash(entry);
        return JSON.stringify(entry);
      }),
    );
    expect(await verifyAuditChain(dir)).toMatchObject({ ok: false, problem: 'altered', firstBadSeq: 2, line: 2 });
  });

  it('finds a removed line', async () => {
    await fill(log, 6);
    editLines(current(), (lines) => lines.filter((_, index) => index !== 2));
    expect(await verifyAuditChain(dir)).toMatchObject({ ok: false, problem: 'removed', firstBadSeq: 3, line: 3 });
  });

  it('finds the first entry removed even when it was the first line', async () => {
    await fill(log, 3);
    editLines(current(), (lines) => lines.slice(1));
    expect(await verifyAuditChain(dir)).toMatchObject({ ok: false, problem: 'removed', firstBadSeq: 1 });
  });

  it('finds two swapped lines', async () => {
    await fill(log, 6);
    editLines(current(), (lines) => [lines[0]!, lines[2]!, lines[1]!, ...lines.slice(3)]);
    expect(await verifyAuditChain(dir)).toMatchObject({ ok: false, problem: 'reordered', firstBadSeq: 2 });
  });

  it('finds a line that is not an audit entry', async () => {
    await fill(log, 4);
    editLines(current(), (lines) => lines.map((line, index) => (index === 2 ? 'this is not json' : line)));
    expect(await verifyAuditChain(dir)).toMatchObject({ ok: false, problem: 'unparseable', firstBadSeq: 3, line: 3 });
  });

  it('notices a field added to an entry', async () => {
    await fill(log, 3);
    editLines(current(), (lines) => lines.map((line, index) => (index === 1 ? line.replace('{', '{"approvedBy":"someone",') : line)));
    expect(await verifyAuditChain(dir)).toMatchObject({ ok: false, problem: 'altered', firstBadSeq: 2 });
  });

  it('reports the same result through the open writer', async () => {
    await fill(log, 3);
    expect(await log.verify()).toEqual({ ok: true, entries: 3 });
  });
});

describe('audit rotation', () => {
  let dir: string;
  let log: AuditLog;
  const open = () => createAuditLog({ dir, clock: steppingClock(), maxFileBytes: 1200 });

  beforeEach(async () => {
    dir = tempDir('audit-rotation');
    log = await open();
  });

  afterEach(async () => {
    await log.close();
    removeDir(dir);
  });

  const logFiles = () =>
    readdirSync(dir)
      .filter((name) => /\.jsonl(\.gz)?$/.test(name))
      .sort();
  const archives = () => logFiles().filter((name) => name.endsWith('.jsonl.gz'));
  const firstSeqIn = (name: string) => (JSON.parse(logLinesOf(join(dir, name))[0]!) as { seq: number }).seq;

  it('compresses rotated files instead of deleting them: one chain from entry 1 across all of them', async () => {
    await fill(log, 80);
    expect(archives().length).toBeGreaterThan(5);
    expect(logFiles()).toEqual([...archives(), 'audit.jsonl']);
    expect(existsSync(join(dir, 'audit.anchor.json'))).toBe(false);
    // Each archive is named by its first entry's seq and holds at most one rotation's worth.
    for (const name of archives()) {
      expect(name).toBe(`audit-${String(firstSeqIn(name)).padStart(12, '0')}.jsonl.gz`);
      expect(gunzipSync(readFileSync(join(dir, name))).length).toBeLessThanOrEqual(1200);
    }
    expect((await allEntries(dir)).map((entry) => entry.seq)).toEqual(Array.from({ length: 80 }, (_, index) => index + 1));
    expect(await verifyAuditChain(dir)).toEqual({ ok: true, entries: 80 });
    const everything = await log.query({ limit: 1000 });
    expect(everything.map((entry) => entry.seq)).toEqual(Array.from({ length: 80 }, (_, index) => 80 - index));
  });

  it('continues the chain in a fresh file after a rotation and a restart', async () => {
    await fill(log, 40);
    await log.close();
    log = await open();
    await fill(log, 40);
    expect((await log.query({ limit: 1 }))[0]?.seq).toBe(80);
    expect(await verifyAuditChain(dir)).toEqual({ ok: true, entries: 80 });
  });

  it('finds a rotated file removed from the middle', async () => {
    await fill(log, 80);
    const middle = archives()[2]!;
    const firstOfRemoved = firstSeqIn(middle);
    const next = archives()[3]!;
    rmSync(join(dir, middle));
    expect(await verifyAuditChain(dir)).toMatchObject({ ok: false, problem: 'removed', firstBadSeq: firstOfRemoved, file: next, line: 1 });
  });

  it('finds the oldest file removed', async () => {
    await fill(log, 80);
    rmSync(join(dir, archives()[0]!));
    expect(await verifyAuditChain(dir)).toMatchObject({ ok: false, problem: 'removed', firstBadSeq: 1, file: archives()[0] });
  });

  it('fails when every log file is gone, or the whole folder', async () => {
    await fill(log, 30);
    await log.close();
    for (const name of logFiles()) rmSync(join(dir, name));
    expect(await verifyAuditChain(dir)).toMatchObject({
      ok: false,
      problem: 'missing',
      firstBadSeq: 1,
      message: expect.stringMatching(/entries 1 to 30 are missing/),
    });
    rmSync(dir, { recursive: true });
    expect(await verifyAuditChain(dir)).toMatchObject({ ok: false, problem: 'missing', message: expect.stringMatching(/There is no audit folder/) });
    log = await open();
  });

  it('fails when the newest entries were cut off the end', async () => {
    await fill(log, 10);
    editLines(join(dir, 'audit.jsonl'), (lines) => lines.slice(0, -1));
    expect(await verifyAuditChain(dir)).toMatchObject({
      ok: false,
      problem: 'missing',
      firstBadSeq: 10,
      message: expect.stringMatching(/entries 10 to 10 are missing/),
    });
  });

  it('after deleted files, a writer says so in the chain and continues after the newest entry written', async () => {
    await fill(log, 10);
    await log.close();
    for (const name of logFiles()) rmSync(join(dir, name));
    log = await open();
    const next = await log.append(pauseOf('c-11'));
    expect(next.seq).toBe(12);
    const [notice] = await log.query({ limit: 1, before: 12 });
    expect(notice).toMatchObject({ seq: 11, action: 'audit.history_missing', outcome: 'failed' });
    expect(await verifyAuditChain(dir)).toMatchObject({ ok: false, problem: 'removed', firstBadSeq: 1 });
  });

  it('finishes a compression a crash interrupted, and reads the same entries meanwhile', async () => {
    await fill(log, 30);
    await log.close();
    const archive = archives()[0]!;
    // The state right after the plain copy was compressed but before it was removed.
    writeFileSync(join(dir, archive.replace(/\.gz$/, '')), gunzipSync(readFileSync(join(dir, archive))));
    expect(await verifyAuditChain(dir)).toEqual({ ok: true, entries: 30 });
    log = await open();
    expect(logFiles().filter((name) => name.endsWith('.jsonl') && name !== 'audit.jsonl')).toEqual([]);
    expect(await verifyAuditChain(dir)).toEqual({ ok: true, entries: 30 });
  });

  it('compresses the rotated files of older versions (audit.<n>.jsonl) and keeps their chain', async () => {
    await log.close();
    log = await createAuditLog({ dir, clock: steppingClock(), maxFileBytes: 1024 * 1024 });
    await fill(log, 8);
    await log.close();
    renameSync(join(dir, 'audit.jsonl'), join(dir, 'audit.1.jsonl'));
    log = await createAuditLog({ dir, clock: steppingClock(), maxFileBytes: 1024 * 1024 });
    await fill(log, 4);
    expect(logFiles()).toEqual(['audit-000000000001.jsonl.gz', 'audit.jsonl']);
    expect(await verifyAuditChain(dir)).toEqual({ ok: true, entries: 12 });
  });
});
