import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../electron/dispositions/reading/content-hash';
import { scanDispositionFile, type ScanSummary } from '../../../electron/dispositions/reading/scan-disposition-file';
import { fixture, readOptions } from './read-helpers';

async function scan(name: string, extra: { maxProblems?: number } = {}): Promise<ScanSummary> {
  const result = await scanDispositionFile(fixture(name), { ...readOptions(), ...extra });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('scanDispositionFile', () => {
  it('keeps one row per contact: identical copies count once, the latest timestamp wins, a tie goes to the later line', async () => {
    const summary = await scan('duplicates.csv');
    expect(summary.winners.map((row) => [row.line, row.contactId, row.campaignId, row.outcomeCode])).toEqual([
      [2, 'c-1', 'camp-1', 'NO_ANSWER'],
      [4, 'c-2', 'camp-1', 'INTERESTED'],
      [7, 'c-3', 'camp-1', 'CALLBACK_LATER'],
      [8, 'c-1', 'camp-2', 'BUSY'],
    ]);
    expect(summary.skipped.map((row) => [row.line, row.kind, row.winnerLine])).toEqual([
      [3, 'duplicate', 2],
      [5, 'superseded', 4],
      [6, 'superseded', 7],
      [9, 'duplicate', 2],
    ]);
    expect(summary.skipped[1]?.reason).toBe('Line 5: superseded by line 4, a later disposition for the same contact');
    expect(summary.counts).toEqual({ rows: 8, valid: 8, invalid: 0, winners: 4, duplicates: 2, superseded: 2 });
  });

  it('counts every problem but keeps only as many as asked', async () => {
    const summary = await scan('problems.csv', { maxProblems: 3 });
    expect(summary.counts).toMatchObject({ rows: 10, valid: 1, invalid: 9 });
    expect(summary.problemCount).toBe(10);
    expect(summary.problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(summary.winners.map((row) => row.line)).toEqual([10]);
  });

  it('reports the encoding, mapping and the sha256 of the file', async () => {
    const summary = await scan('windows-1252.csv');
    const expected = createHash('sha256')
      .update(readFileSync(fixture('windows-1252.csv')))
      .digest('hex');
    expect(summary.contentHash).toBe(expected);
    expect(await contentHash(fixture('windows-1252.csv'))).toBe(expected);
    expect(summary.encoding).toBe('windows-1252');
    expect(summary.missingRequired).toEqual([]);
    expect(summary.winners.map((row) => row.notes)).toEqual(['Café au lait', 'Herr Müller – später', 'Señor García “VIP”']);
  });

  it('names the missing required columns', async () => {
    const summary = await scan('missing-agent-column.csv');
    expect(summary.missingRequired).toEqual(['agentId']);
    expect(summary.counts.invalid).toBe(1);
  });

  it('gives rows without a timestamp one instant, so identical ones are still duplicates', async () => {
    let calls = 0;
    const result = await scanDispositionFile(fixture('header-variants.csv'), {
      ...readOptions(),
      now: () => new Date(Date.UTC(2024, 5, 2, 0, 0, calls++)),
    });
    expect(calls).toBe(1);
    expect(result.ok && result.value.winners[1]?.dispositionTimestamp).toBe('2024-06-02T00:00:00.000Z');
  });

  it('returns a typed failure instead of throwing when the file cannot be read', async () => {
    const result = await scanDispositionFile(fixture('missing.csv'), readOptions());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('not_found');
  });

  it('keeps the rows before a quote that is never closed and says which lines were not read', async () => {
    const summary = await scan('unclosed-quote.csv');
    expect(summary.winners.map((row) => row.line)).toEqual([2]);
    expect(summary.unread).toMatchObject({ line: 3, lastLine: 4 });
    expect(summary.unread?.message).toMatch(
      /^unclosed-quote\.csv line 3, column 5 \("notes"\): a double quote opens a value that is never closed, so lines 3–4 were not read/,
    );
  });
});

describe('classifyDispositionFile', () => {
  it('fails with a conflict when the file changes between its two passes', async () => {
    const { mkdtempSync, rmSync, writeFileSync, appendFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { classifyDispositionFile } = await import('../../../electron/dispositions/reading/classify-disposition-file');
    const dir = mkdtempSync(join(tmpdir(), 'dispo-change-'));
    try {
      const path = join(dir, 'calls.csv');
      writeFileSync(path, readFileSync(fixture('duplicates.csv')));
      const events = classifyDispositionFile(path, {
        ...readOptions(),
        onContentHash: () => appendFileSync(path, 'c-9,camp-1,BUSY,a-1,2024-06-01T10:00:00Z\n'),
      });
      const reading = (async () => {
        for await (const event of events) void event;
      })();
      await expect(reading).rejects.toMatchObject({ error: { kind: 'conflict' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
