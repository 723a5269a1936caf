import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, type AuditLog } from '../../../electron/audit/audit-log';
import { auditCsvColumns } from '../../../electron/audit/audit-csv';
import { pauseOf, removeDir, steppingClock, tempDir } from './audit-fixtures';

const collect = async (run: (output: PassThrough) => Promise<{ rows: number }>) => {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const { rows } = await run(output);
  return { rows, text: Buffer.concat(chunks).toString('utf8') };
};

describe('audit CSV export', () => {
  let dir: string;
  let log: AuditLog;

  beforeEach(async () => {
    dir = tempDir('audit-csv');
    log = await createAuditLog({ dir, clock: steppingClock() });
  });

  afterEach(async () => {
    await log.close();
    removeDir(dir);
  });

  it('quotes commas, quotes and line breaks so every field reads back unchanged', async () => {
    const awkward = 'Spring, "VIP"\nsecond line';
    await log.append(pauseOf('c-1', { target: { type: 'campaign', id: 'c-1', name: awkward }, reason: 'a,b' }));
    const { rows, text } = await collect((output) => log.exportCsv({}, output));
    expect(rows).toBe(1);
    expect(text).toContain('"Spring, ""VIP""\nsecond line"');
    const [header, row] = parse(text) as string[][];
    expect(header).toEqual([...auditCsvColumns]);
    const record = Object.fromEntries(header!.map((name, index) => [name, row![index]]));
    expect(record).toMatchObject({ seq: '1', targetName: awkward, reason: 'a,b', actorType: 'user', outcome: 'success', latencyMs: '120' });
    expect(JSON.parse(record.before!)).toEqual({ status: 'running' });
  });

  it('keeps a cell that starts like a formula from running in a spreadsheet', async () => {
    await log.append(pauseOf('c-1', { target: { type: 'campaign', id: 'c-1', name: '=HYPERLINK("http://x")' } }));
    const { text } = await collect((output) => log.exportCsv({}, output));
    const [, row] = parse(text) as string[][];
    expect(row![auditCsvColumns.indexOf('targetName')]).toBe(`'=HYPERLINK("http://x")`);
  });

  it('exports only what the query selects, beyond the screen page size', async () => {
    for (let index = 0; index < 250; index += 1) await log.append(pauseOf(`c-${index % 2}`));
    const { rows, text } = await collect((output) => log.exportCsv({ campaignId: 'c-1' }, output));
    expect(rows).toBe(125);
    expect(parse(text)).toHaveLength(126);
  });
});
