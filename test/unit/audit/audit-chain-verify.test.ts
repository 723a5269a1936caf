import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, verifyAuditChain, type AuditLog } from '../../../electron/audit/audit-log';
import { expectedHash } from '../../../electron/audit/entry-hash';
import { editLines, pauseOf, removeDir, steppingClock, tempDir } from './audit-fixtures';

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

  it('accepts an empty folder', async () => {
    expect(await verifyAuditChain(join(dir, 'nothing-here'))).toEqual({ ok: true, entries: 0 });
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
  const open = () => createAuditLog({ dir, clock: steppingClock(), maxFileBytes: 1200, keepFiles: 5 });

  beforeEach(async () => {
    dir = tempDir('audit-rotation');
    log = await open();
  });

  afterEach(async () => {
    await log.close();
    removeDir(dir);
  });

  const logFiles = () => readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort();

  it('keeps five files and one chain across them', async () => {
    await fill(log, 80);
    expect(logFiles()).toEqual(['audit.1.jsonl', 'audit.2.jsonl', 'audit.3.jsonl', 'audit.4.jsonl', 'audit.jsonl']);
    for (const name of logFiles()) expect(readFileSync(join(dir, name)).length).toBeLessThanOrEqual(1200);
    const report = await verifyAuditChain(dir);
    expect(report.ok).toBe(true);
    const newest = await log.query({ limit: 1 });
    expect(newest[0]?.seq).toBe(80);
    // The oldest kept entry links to the anchor left by the deleted file.
    const anchor = JSON.parse(readFileSync(join(dir, 'audit.anchor.json'), 'utf8')) as { seq: number; hash: string };
    const oldest = JSON.parse(readFileSync(join(dir, 'audit.4.jsonl'), 'utf8').split('\n')[0]!) as { seq: number; prevHash: string };
    expect(oldest.seq).toBe(anchor.seq + 1);
    expect(oldest.prevHash).toBe(anchor.hash);
    expect(report).toEqual({ ok: true, entries: 80 - anchor.seq });
  });

  it('continues the chain in a fresh file after a rotation and a restart', async () => {
    await fill(log, 40);
    await log.close();
    log = await open();
    await fill(log, 40);
    expect(logFiles()).toHaveLength(5);
    expect((await log.query({ limit: 1 }))[0]?.seq).toBe(80);
    expect((await verifyAuditChain(dir)).ok).toBe(true);
  });

  it('finds a rotated file removed from the middle', async () => {
    await fill(log, 80);
    const firstOfRemoved = JSON.parse(readFileSync(join(dir, 'audit.2.jsonl'), 'utf8').split('\n')[0]!) as { seq: number };
    rmSync(join(dir, 'audit.2.jsonl'));
    expect(await verifyAuditChain(dir)).toMatchObject({ ok: false, problem: 'removed', firstBadSeq: firstOfRemoved.seq, file: 'audit.1.jsonl', line: 1 });
  });

  it('finds the oldest kept file removed', async () => {
    await fill(log, 80);
    const anchor = JSON.parse(readFileSync(join(dir, 'audit.anchor.json'), 'utf8')) as { seq: number };
    rmSync(join(dir, 'audit.4.jsonl'));
    expect(await verifyAuditChain(dir)).toMatchObject({ ok: false, problem: 'removed', firstBadSeq: anchor.seq + 1, file: 'audit.3.jsonl' });
  });

  it('has no anchor until a file is deleted, and then verifies from it', async () => {
    await fill(log, 5);
    expect(existsSync(join(dir, 'audit.anchor.json'))).toBe(false);
    await fill(log, 75);
    expect(existsSync(join(dir, 'audit.anchor.json'))).toBe(true);
    expect(existsSync(join(dir, 'audit.5.jsonl'))).toBe(false);
    expect((await verifyAuditChain(dir)).ok).toBe(true);
  });
});
