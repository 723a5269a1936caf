import { busyContactStates } from '../../../shared/cxone/schemas';
import type { DryRunRow, DryRunSummary } from '../../../shared/dispositions/import-dry-run';
import { emptyImportCounts, type ImportRow } from '../../../shared/dispositions/import-job';
import { rateAndEta, type ImportProgress } from '../../../shared/dispositions/import-progress';
import { describeError, toConsoleError } from '../../../shared/errors';
import { mapWithConcurrency } from '../../concurrency/map-with-concurrency';
import { createContactPrefetch } from './contact-prefetch';
import type { ImportContactsPort } from './import-ports';

export interface DryRunOptions {
  jobId: string;
  contentHash: string;
  rows: readonly ImportRow[];
  contacts: ImportContactsPort;
  concurrency: number;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
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
  const started = now();
  const counts = { will_apply: 0, noop: 0, busy: 0, not_found: 0, failed: 0 };
  const verdicts: DryRunRow[] = [];
  let done = 0;
  let lastEmit = 0;
  const emit = (force: boolean) => {
    if (!options.onProgress || (!force && now() - lastEmit < 100)) return;
    lastEmit = now();
    const { ratePerSecond, etaSeconds } = rateAndEta(done, options.rows.length, now() - started);
    const progressCounts = {
      ...emptyImportCounts(),
      applied: counts.will_apply,
      noop: counts.noop,
      failed: counts.not_found + counts.failed,
      waitingBusy: counts.busy,
      pending: options.rows.length - done,
    };
    options.onProgress({
      jobId: options.jobId,
      kind: 'dry_run',
      state: 'running',
      done,
      total: options.rows.length,
      ratePerSecond,
      etaSeconds,
      counts: progressCounts,
      note: null,
    });
  };

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

  emit(true);
  await mapWithConcurrency(options.rows, options.concurrency, check, {
    signal: options.signal,
    onResult(verdict) {
      counts[verdict.verdict] += 1;
      verdicts.push(verdict);
      options.onRow?.(verdict);
      done += 1;
      emit(false);
    },
  });
  emit(true);
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
