import { busyContactStates } from '../../../shared/cxone/schemas';
import type { DryRunRow, DryRunSummary } from '../../../shared/dispositions/import-dry-run';
import { emptyImportCounts, type ImportRow } from '../../../shared/dispositions/import-job';
import { describeError, toConsoleError } from '../../../shared/errors';
import type { RunProgressOf } from '../../../shared/runs/run-progress';
import { mapWithConcurrency } from '../../concurrency/map-with-concurrency';
import { createRunProgressReporter } from '../../runs/run-progress-reporter';
import { createContactPrefetch } from './contact-prefetch';
import type { ImportContactsPort } from './import-ports';

export interface DryRunOptions {
  jobId: string;
  contentHash: string;
  rows: readonly ImportRow[];
  contacts: ImportContactsPort;
  concurrency: number;
  signal?: AbortSignal;
  onProgress?: (progress: RunProgressOf<'import'>) => void;
  /** At most one progress per this many ms (default 100). */
  progressEveryMs?: number;
  onRow?: (row: DryRunRow) => void;
  now?: () => number;
}

/**
 * Reads every contact a row would change, and says what applying would do. Writes nothing.
 * Campaigns the file covers densely are read a page at a time (a verdict may be seconds old;
 * the apply decides every skip on a fresh read).
 */
export async function dryRunImport(options: DryRunOptions): Promise<{ summary: DryRunSummary; rows: DryRunRow[] }> {
  const now = options.now ?? performance.now.bind(performance);
  const counts = { will_apply: 0, noop: 0, busy: 0, not_found: 0, failed: 0 };
  const verdicts: DryRunRow[] = [];
  let done = 0;
  let ended: 'finished' | 'cancelled' | null = null;
  const progressCounts = () => ({
    ...emptyImportCounts(),
    applied: counts.will_apply,
    noop: counts.noop,
    failed: counts.not_found + counts.failed,
    waitingBusy: counts.busy,
    pending: options.rows.length - done,
  });
  const reporter = createRunProgressReporter<'import'>({
    runId: options.jobId,
    kind: 'import',
    total: options.rows.length,
    emit: (progress) => options.onProgress?.(progress),
    everyMs: options.progressEveryMs,
    now,
    counts: progressCounts(),
    detail: () => ({ mode: 'dry_run', jobState: ended ?? 'running', busyTail: null }),
  });

  const prefetch = createContactPrefetch(options.contacts, options.rows);
  const check = async (row: ImportRow): Promise<DryRunRow> => {
    const base = { line: row.line, campaignId: row.campaignId, contactId: row.contactId };
    try {
      const contact =
        (await prefetch?.take(row.campaignId, row.contactId, options.signal)) ?? (await options.contacts.get(row.campaignId, row.contactId, options.signal));
      if (busyContactStates.includes(contact.state)) {
        return { ...base, verdict: 'busy', reason: `${contact.state} with the dialer now; the import retries it later.` };
      }
      if (contact.outcomeCode === row.outcomeCode) return { ...base, verdict: 'noop', reason: `Already ${row.outcomeCode}; will be skipped.` };
      return { ...base, verdict: 'will_apply', reason: `${contact.outcomeCode ?? 'none'} → ${row.outcomeCode}` };
    } catch (thrown) {
      const error = toConsoleError(thrown);
      if (error.kind === 'not_found')
        return { ...base, verdict: 'not_found', reason: `Contact ${row.contactId} does not exist in campaign ${row.campaignId}.` };
      return { ...base, verdict: 'failed', reason: describeError(error) };
    }
  };

  reporter.update(0, progressCounts());
  try {
    await mapWithConcurrency(options.rows, options.concurrency, check, {
      signal: options.signal,
      onResult(verdict) {
        counts[verdict.verdict] += 1;
        verdicts.push(verdict);
        options.onRow?.(verdict);
        done += 1;
        reporter.update(done, progressCounts());
      },
    });
  } catch (thrown) {
    reporter.finish('failed');
    throw thrown;
  }
  ended = options.signal?.aborted ? 'cancelled' : 'finished';
  reporter.finish(ended);
  return {
    summary: {
      contentHash: options.contentHash,
      checkedAt: new Date().toISOString(),
      cancelled: options.signal?.aborted ?? false,
      total: options.rows.length,
      counts,
    },
    rows: verdicts.sort((a, b) => a.line - b.line),
  };
}
