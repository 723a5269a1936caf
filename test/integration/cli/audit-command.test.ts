import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../../electron/audit/audit-log';
import { runCli } from '../../../electron/host/cli/cli';
import { editLines, pauseOf, removeDir, steppingClock, tempDir } from '../../unit/audit/audit-fixtures';
import { capturedIo } from './cli-io';

describe('cxone-console audit', () => {
  let dataDir: string;
  const auditDir = () => join(dataDir, 'audit');
  const current = () => join(auditDir(), 'audit.jsonl');

  const cli = async (argv: string[]) => {
    const terminal = capturedIo({ CXONE_DATA_DIR: dataDir });
    const code = await runCli(argv, terminal.io);
    return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
  };

  beforeEach(async () => {
    dataDir = tempDir('cli-audit');
    const log = await createAuditLog({ dir: auditDir(), clock: steppingClock() });
    for (let index = 1; index <= 5; index += 1) await log.append(pauseOf(`c-${index}`));
    await log.close();
  });

  afterEach(() => removeDir(dataDir));

  it('verify: an untouched log is intact, exit 0', async () => {
    const run = await cli(['audit', 'verify']);
    expect(run).toEqual({ code: 0, stdout: 'Audit chain intact: 5 entries in 1 file.\n', stderr: '' });
  });

  it('verify --json: one document with the report, the file count and the folder', async () => {
    const run = await cli(['audit', 'verify', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, entries: 5, files: 1, dir: auditDir() });
  });

  it('verify: a line edited in place is named by seq, file and line, exit 1', async () => {
    editLines(current(), (lines) => lines.map((line, index) => (index === 2 ? line.replace('"outcome":"success"', '"outcome":"failed"') : line)));
    const run = await cli(['audit', 'verify']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('Audit chain broken at entry 3 (audit.jsonl, line 3): Audit entry 3 was changed after it was written.\n');
    const json = await cli(['audit', 'verify', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, problem: 'altered', firstBadSeq: 3, file: 'audit.jsonl', line: 3 });
  });

  it('verify: a deleted line is reported as missing, exit 1', async () => {
    editLines(current(), (lines) => lines.filter((_, index) => index !== 1));
    const run = await cli(['audit', 'verify']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('Audit chain broken at entry 2 (audit.jsonl, line 2): Audit entry 2 is missing: a line or a whole file was deleted.\n');
  });

  it('verify: two lines swapped are reported as reordered, exit 1', async () => {
    editLines(current(), ([a, b, c, d, e]) => [a!, b!, d!, c!, e!]);
    const run = await cli(['audit', 'verify', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, problem: 'reordered', firstBadSeq: 3 });
  });

  it('verify: every log file deleted, or the whole folder, is history missing, exit 1 (not "intact: 0 entries")', async () => {
    rmSync(current());
    const run = await cli(['audit', 'verify']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Audit chain broken at entry 1 \(audit\.head\.json\): Audit entries 1 to 5 are missing/);
    rmSync(auditDir(), { recursive: true });
    const gone = await cli(['audit', 'verify', '--json']);
    expect(gone.code).toBe(1);
    expect(JSON.parse(gone.stdout)).toMatchObject({ ok: false, problem: 'missing', firstBadSeq: 1 });
  });

  it('verify needs CXONE_DATA_DIR: exit 2 naming it', async () => {
    const terminal = capturedIo({});
    expect(await runCli(['audit', 'verify'], terminal.io)).toBe(2);
    expect(terminal.stderr()).toContain('CXONE_DATA_DIR');
  });

  it('export --csv writes a header and one row per entry', async () => {
    const file = join(dataDir, 'out.csv');
    const run = await cli(['audit', 'export', '--csv', file]);
    expect(run).toEqual({ code: 0, stdout: `Exported 5 entries to ${file}.\n`, stderr: '' });
    const rows = readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatch(/^seq,at,actorType,/);
  });

  it('list --json: the newest entries first', async () => {
    const run = await cli(['audit', 'list', '--limit', '2', '--json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { seq: number }[]).map((entry) => entry.seq)).toEqual([5, 4]);
  });
});
