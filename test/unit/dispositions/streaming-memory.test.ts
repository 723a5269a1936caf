import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDispositionFile, type ReadProgress } from '../../../electron/dispositions/reading/read-disposition-file';
import { classifyDispositionFile } from '../../../electron/dispositions/reading/classify-disposition-file';
import { readOptions } from './read-helpers';

const rowCount = 200_000;
const header = 'contact_id,campaign_id,outcome_code,agent_id,disposition_timestamp\n';
/** Every row has the same byte length, so the bytes a row ends at are known. */
const rowText = (index: number) => `c-${String(index).padStart(7, '0')},camp-1,NO_ANSWER,a-1,2024-06-01T10:00:00Z\n`;
const rowBytes = rowText(0).length;
/** Stream buffers between disk and consumer (fs 64 KiB, decoder, normaliser, parser) stay far below this. */
const maxReadAheadBytes = 1024 * 1024;

let dir: string;
let path: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dispo-big-'));
  path = join(dir, 'big.csv');
  const out = createWriteStream(path);
  out.write(header);
  for (let i = 0; i < rowCount; i += 1) if (!out.write(rowText(i))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await new Promise<void>((resolve) => out.end(() => resolve()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading a 200k-row file', () => {
  it('never reads more than a bounded distance ahead of the row it hands out', async () => {
    const totalBytes = statSync(path).size;
    let latest: ReadProgress = { bytesRead: 0, totalBytes, rows: 0 };
    let worstReadAhead = 0;
    let bytesReadAtFirstRow = -1;
    let rows = 0;
    for await (const event of readDispositionFile(path, readOptions({ onProgress: (p) => (latest = p) }))) {
      if (event.type !== 'row') continue;
      rows += 1;
      if (bytesReadAtFirstRow < 0) bytesReadAtFirstRow = latest.bytesRead;
      const consumedBytes = header.length + rows * rowBytes;
      worstReadAhead = Math.max(worstReadAhead, latest.bytesRead - consumedBytes);
    }
    expect(rows).toBe(rowCount);
    expect(totalBytes).toBeGreaterThan(8 * maxReadAheadBytes);
    expect(bytesReadAtFirstRow).toBeLessThan(maxReadAheadBytes);
    expect(worstReadAhead).toBeLessThan(maxReadAheadBytes);
    expect(latest.bytesRead).toBe(totalBytes);
  });

  it('stops reading the file when the consumer stops early', async () => {
    let latest = 0;
    for await (const event of readDispositionFile(path, readOptions({ onProgress: (p) => (latest = p.bytesRead) }))) {
      if (event.type === 'row' && event.line === 1000) break;
    }
    expect(latest).toBeLessThan(maxReadAheadBytes);
  });

  it('classifies all rows in two passes without holding them', async () => {
    let winners = 0;
    let passTwoStartedAt = -1;
    const passes = new Set<number>();
    for await (const event of classifyDispositionFile(path, { ...readOptions(), onProgress: (p) => passes.add(p.pass) })) {
      if (event.type === 'row' && event.kind === 'winner') winners += 1;
      if (event.type === 'row' && passTwoStartedAt < 0) passTwoStartedAt = passes.size;
    }
    expect(winners).toBe(rowCount);
    expect(passTwoStartedAt).toBe(2);
  });
});
