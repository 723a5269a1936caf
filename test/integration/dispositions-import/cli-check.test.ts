import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveKnownOutcomeMatrix } from '../../../electron/dispositions/import/known-outcome-matrix';
import { runCli } from '../../../electron/host/cli/cli';
import { capturedIo } from '../cli/cli-io';

const header = 'campaign_id,contact_id,outcome_code,agent_id,disposition_timestamp,notes';

interface CheckDocument {
  counts: Record<string, number>;
  outcomeMatrix: { source: string; tenant: string | null };
  problems: { line: number; column: string; message: string }[];
  unread: { line: number } | null;
}

describe('cxone-console dispositions check (offline, no tenant)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dispo-check-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };
  const check = async (args: string[], env: Record<string, string> = {}) => {
    const terminal = capturedIo(env);
    const code = await runCli(['dispositions', 'check', ...args], terminal.io);
    return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
  };

  it('exits 0 for a file whose every row is valid and prints the counts', async () => {
    const path = file('good.csv', [
      header,
      'camp-1,c-1,BUSY,a-1,2026-11-20T15:00:00Z,ok',
      'camp-1,c-1,INTERESTED,a-1,2026-11-20T16:00:00Z,later',
      'camp-1,c-2,NO_ANSWER,a-1,2026-11-20T15:00:00Z,',
    ]);
    const { code, stdout, stderr } = await check([path]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe('good.csv: 3 rows, 3 valid (2 to apply, 1 superseded, 0 duplicates), 0 invalid — utf-8, checked against the default outcome matrix.\n');
  });

  it('exits 1 when a row is invalid and --json prints one document with the counts and each problem', async () => {
    const path = file('bad.csv', [header, 'camp-1,c-1,SALE_MADE,a-1,2026-11-20T15:00:00Z,', 'camp-1,c-2,BUSY,a-1,2026-11-20T15:00:00Z,']);
    const { code, stdout } = await check([path, '--json']);
    expect(code).toBe(1);
    const document = JSON.parse(stdout) as CheckDocument;
    expect(document.counts).toMatchObject({ rows: 2, valid: 1, invalid: 1, winners: 1 });
    expect(document.problems).toEqual([
      expect.objectContaining({ line: 2, column: 'outcome_code', message: expect.stringContaining('"SALE_MADE" is not one of the tenant\'s outcomes') }),
    ]);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('checks against the outcome codes of the last tenant the data folder knows', async () => {
    const dataDir = join(dir, 'data');
    await saveKnownOutcomeMatrix(dataDir, 'tenant.example', ['SALE_MADE', 'BUSY']);
    const path = join(dir, 'bad.csv');
    const { code, stdout } = await check([path, '--json'], { CXONE_DATA_DIR: dataDir });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as CheckDocument).outcomeMatrix).toMatchObject({ source: 'tenant', tenant: 'tenant.example' });
  });

  it('exits 1 for a quote never closed, naming its line, and 2 for a file that cannot be read', async () => {
    const unclosed = file('unclosed.csv', [header, 'camp-1,c-1,BUSY,a-1,2026-11-20T15:00:00Z,"open', 'camp-1,c-2,BUSY,a-1,2026-11-20T15:00:00Z,']);
    const first = await check([unclosed, '--json']);
    expect(first.code).toBe(1);
    expect((JSON.parse(first.stdout) as CheckDocument).unread).toMatchObject({ line: 2 });
    const missing = await check([join(dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('does not exist');
    const binary = join(dir, 'sheet.csv');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    expect((await check([binary])).code).toBe(2);
  });
});
