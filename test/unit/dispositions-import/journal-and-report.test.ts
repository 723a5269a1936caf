import { describe, expect, it } from 'vitest';
import { percentile, reportExitCode, type ImportReport } from '../../../shared/dispositions/import-report';
import { rateAndEta } from '../../../shared/runs/run-progress';
import { parseJournal, replayJournal } from '../../../electron/dispositions/import/journal-records';
import { unappliedRowsCsv } from '../../../electron/dispositions/import/unapplied-export';

describe('import journal', () => {
  it('ignores a torn last line left by a killed process', () => {
    const text = `${JSON.stringify({ type: 'sending', at: 'x', key: 'c/k', line: 2 })}\n{"type":"row","key":"c/`;
    expect(parseJournal(text)).toHaveLength(1);
  });

  it('treats a run with no end record as interrupted and a success as final', () => {
    const replay = replayJournal([
      { type: 'start', at: 't0', jobId: 'j', contentHash: 'h', fileName: 'f', toApply: 2, heldBack: 0 },
      { type: 'row', at: 't1', key: 'c/1', line: 2, result: 'applied', latencyMs: 3, attempts: 1 },
      { type: 'row', at: 't2', key: 'c/1', line: 2, result: 'failed', latencyMs: 3, attempts: 1 },
      { type: 'sending', at: 't3', key: 'c/2', line: 3 },
    ]);
    expect(replay.lastState).toBe('running');
    expect(replay.rows.get('c/1')?.result).toBe('applied');
    expect([...replay.sending]).toEqual(['c/2']);
  });
});

describe('import report figures', () => {
  it('takes nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(95);
  });

  it('estimates the time left from the rate so far', () => {
    expect(rateAndEta(50, 150, 10_000)).toEqual({ ratePerSecond: 5, etaMs: 20_000 });
    expect(rateAndEta(0, 10, 0)).toEqual({ ratePerSecond: 0 });
  });

  const report = (counts: Partial<ImportReport['counts']>, state: ImportReport['state'] = 'finished'): ImportReport => ({
    jobId: 'h',
    contentHash: 'h',
    fileName: 'f.csv',
    dryRun: false,
    state,
    startedAt: 't',
    finishedAt: 't',
    total: 1,
    counts: { applied: 0, noop: 0, rejected: 0, superseded: 0, failed: 0, pending: 0, waitingBusy: 0, ...counts },
    latencyMs: { p50: null, p95: null },
    wallMs: 0,
    suppressed: [],
    notificationsQueued: 0,
    warnings: [],
    problems: [{ line: 4, campaignId: 'c-1', contactId: 'k, "1"', outcomeCode: 'X', result: 'failed', reason: 'line one\nline two' }],
  });

  it('exits 0 only when every row was applied or already so', () => {
    expect(reportExitCode(report({ applied: 3, noop: 2 }))).toBe(0);
    expect(reportExitCode(report({ applied: 3, superseded: 1 }))).toBe(1);
    expect(reportExitCode(report({ applied: 3, failed: 1 }))).toBe(1);
    expect(reportExitCode(report({ applied: 3, pending: 1 }, 'interrupted'))).toBe(1);
  });

  it('exports rows not applied as CSV with quoting that survives commas, quotes and newlines', () => {
    const csv = unappliedRowsCsv(report({ failed: 1 }));
    expect(csv.split('\n')[0]).toBe('line,campaign_id,contact_id,outcome_code,result,reason');
    expect(csv).toContain('4,c-1,"k, ""1""",X,failed,"line one\nline two"');
  });
});
