import { readFile, writeFile } from 'node:fs/promises';
import type { ImportJobSpec, ImportJobSummary } from '../../../shared/dispositions/import-job';
import type { RunProgressOf } from '../../../shared/runs/run-progress';
import { importReportSchema, type ImportReport } from '../../../shared/dispositions/import-report';
import { consoleError, fail, ok, toConsoleError, type Result } from '../../../shared/errors';
import { importJobFiles } from './import-job-files';
import { openImportJournal, readImportJournal } from './import-journal';
import { lockJob } from './job-lock';
import type { ImportAuditSink, ImportContactsPort, ImportNotificationSink, ImportSuppressionSink } from './import-ports';
import { startImportRun, type ImportRun } from './import-run';
import { summarizeJob } from './job-summary';
import { replayJournal } from './journal-records';

export interface DispositionImporterOptions {
  /** Folder of the job specs, journals and reports, e.g. `<dataDir>/dispositions/imports`. */
  dir: string;
  contacts: () => ImportContactsPort;
  /** The tenant's concurrency limit; a run never uses more. */
  maxConcurrency: () => number;
  suppression?: ImportSuppressionSink;
  notifications?: ImportNotificationSink;
  audit?: ImportAuditSink;
  waitForTenant?: (signal: AbortSignal) => Promise<void>;
  onProgress?: (progress: RunProgressOf<'import'>) => void;
  /** At most one progress per this many ms (see `startImportRun`). */
  progressEveryMs?: number;
  /** Called when a run starts or ends, with its report when it ended. */
  onRunSettled?: (report: ImportReport) => void;
  busyRetryDelayMs?: number;
  /** Once only contacts on a call remain, how long they are still retried (default: see `startImportRun`). */
  busyTailMs?: number;
  now?: () => number;
  wallClock?: () => Date;
}

export interface StartImportOptions {
  /** Required when this file (same content hash) was imported before. */
  confirmReimport?: boolean;
  concurrency?: number;
}

export interface DispositionImporter {
  /** The earlier import of this content, finished or not; null when the file is new. */
  previousImport(contentHash: string): Promise<ImportJobSummary | null>;
  /**
   * Starts the import of a job, or resumes it when an earlier run of the same file
   * stopped before the end (the stored job is used then, so nothing confirmed repeats).
   */
  start(spec: ImportJobSpec, options?: StartImportOptions): Promise<Result<ImportRun>>;
  /** Resumes every import a quit, crash or lost network left unfinished (not those paused by a person). */
  resumeInterrupted(): Promise<ImportRun[]>;
  /**
   * Retries only the rows of a finished import whose contacts were on a call when it ended
   * (left waiting in its journal); the rest of the file is not sent again.
   */
  retryBusy(jobId: string): Promise<Result<ImportRun>>;
  /** Resumes one unfinished import (interrupted, or paused before the console was closed). */
  resumeOne(jobId: string): Promise<Result<ImportRun>>;
  run(jobId: string): ImportRun | null;
  list(): Promise<ImportJobSummary[]>;
  report(jobId: string): Promise<ImportReport | null>;
  /** Stops every run so it resumes on the next start. */
  close(): Promise<void>;
}

export function createDispositionImporter(options: DispositionImporterOptions): DispositionImporter {
  const files = importJobFiles(options.dir);
  const runs = new Map<string, ImportRun>();
  const wallClock = options.wallClock ?? (() => new Date());
  const reportPath = (hash: string) => files.specPath(hash).replace(/\.job\.json$/, '.report.json');
  const lockPath = (hash: string) => files.specPath(hash).replace(/\.job\.json$/, '.job.lock');

  const summaryOf = async (hash: string): Promise<ImportJobSummary | null> => {
    const running = runs.get(hash);
    if (running) return running.summary();
    const spec = await files.readSpec(hash);
    if (!spec) return null;
    const replay = replayJournal(await readImportJournal(files.journalPath(hash)));
    if (!replay.start) return null;
    return summarizeJob(spec, replay);
  };

  const audit = async (report: ImportReport) => {
    if (!options.audit || report.state === 'interrupted') return;
    const notApplied = report.counts.rejected + report.counts.superseded + report.counts.failed;
    await options.audit.record({
      action: 'dispositions.import',
      target: { type: 'disposition-file', id: report.contentHash, name: report.fileName },
      outcome: report.state === 'cancelled' ? 'cancelled' : notApplied > 0 ? 'partial' : 'success',
      reason:
        `${report.counts.applied} applied, ${report.counts.noop} already so, ${report.counts.rejected} rejected, ` +
        `${report.counts.superseded} superseded, ${report.counts.failed} failed`,
      latencyMs: report.wallMs,
      details: {
        counts: report.counts,
        latencyP50Ms: report.latencyMs.p50,
        latencyP95Ms: report.latencyMs.p95,
        suppressedNumbers: report.suppressed.map((entry) => entry.phone),
        notificationsQueued: report.notificationsQueued,
      },
    });
  };

  const launch = async (spec: ImportJobSpec, concurrency: number): Promise<ImportRun> => {
    const lock = await lockJob(lockPath(spec.contentHash));
    let run: ImportRun;
    try {
      const replay = replayJournal(await readImportJournal(files.journalPath(spec.contentHash)));
      const journal = await openImportJournal(files.journalPath(spec.contentHash));
      run = startImportRun({
        spec,
        journal,
        replay,
        contacts: options.contacts,
        concurrency: Math.max(1, Math.min(concurrency, options.maxConcurrency())),
        busyRetryDelayMs: options.busyRetryDelayMs,
        busyTailMs: options.busyTailMs,
        suppression: options.suppression,
        notifications: options.notifications,
        waitForTenant: options.waitForTenant,
        onProgress: options.onProgress,
        progressEveryMs: options.progressEveryMs,
        now: options.now,
        wallClock,
      });
    } catch (thrown) {
      await lock.release();
      throw thrown;
    }
    // Another process took the job over (this one stalled past the lock's stale time): stop, so the two never both send.
    lock.onLost(() => void run.interrupt().catch(() => undefined));
    // The run counts as done once its report is on disk and audited.
    const done = run.done
      .finally(() => lock.release())
      .then(
        async (report) => {
          runs.delete(spec.contentHash);
          if (report.state !== 'interrupted') await writeFile(reportPath(spec.contentHash), JSON.stringify(report));
          await audit(report).catch(() => undefined);
          options.onRunSettled?.(report);
          return report;
        },
        (thrown: unknown) => {
          runs.delete(spec.contentHash);
          throw thrown;
        },
      );
    const tracked: ImportRun = { ...run, done, interrupt: async () => (await run.interrupt(), done) };
    runs.set(spec.contentHash, tracked);
    return tracked;
  };

  const launchResult = async (spec: ImportJobSpec, concurrency: number): Promise<Result<ImportRun>> => {
    try {
      return ok(await launch(spec, concurrency));
    } catch (thrown) {
      return fail(toConsoleError(thrown));
    }
  };

  return {
    previousImport: summaryOf,
    async start(spec, startOptions = {}) {
      const running = runs.get(spec.contentHash);
      if (running) return ok(running);
      const previous = await summaryOf(spec.contentHash);
      const concurrency = startOptions.concurrency ?? options.maxConcurrency();
      if (previous && (previous.state === 'interrupted' || previous.state === 'paused')) {
        const stored = await files.readSpec(spec.contentHash);
        return launchResult(stored ?? spec, concurrency);
      }
      if (previous && !startOptions.confirmReimport) {
        return fail(
          consoleError(
            'conflict',
            `${spec.fileName} was already imported on ${previous.finishedAt ?? previous.startedAt} ` +
              `(${previous.counts.applied} applied); importing the same file again needs an explicit confirmation.`,
            { code: 'ALREADY_IMPORTED', target: spec.fileName },
          ),
        );
      }
      try {
        // Checked before anything is archived or overwritten: another process may be running this file.
        await (await lockJob(lockPath(spec.contentHash))).release();
      } catch (thrown) {
        return fail(toConsoleError(thrown));
      }
      if (previous) await files.archive(spec.contentHash, wallClock().toISOString());
      await files.writeSpec(spec);
      return launchResult(spec, concurrency);
    },
    async resumeInterrupted() {
      const resumed: ImportRun[] = [];
      for (const hash of await files.listHashes()) {
        if (runs.has(hash)) continue;
        const summary = await summaryOf(hash);
        const spec = summary?.state === 'interrupted' ? await files.readSpec(hash) : null;
        if (!spec) continue;
        const result = await launchResult(spec, options.maxConcurrency());
        // A job another process is running now is left to it.
        if (result.ok) resumed.push(result.value);
      }
      return resumed;
    },
    async retryBusy(jobId) {
      const running = runs.get(jobId);
      if (running)
        return fail(
          consoleError('conflict', 'That import is still running; it retries the contacts on a call by itself.', { code: 'IMPORT_RUNNING', target: jobId }),
        );
      const summary = await summaryOf(jobId).catch(() => null);
      if (!summary) return fail(consoleError('not_found', 'This file was never imported here, so no contact of it is waiting.', { target: jobId }));
      if (summary.state !== 'finished' || summary.counts.waitingBusy === 0) {
        return fail(
          consoleError(
            'conflict',
            summary.state === 'finished'
              ? `No contact of ${summary.fileName} is left waiting: every row has its result.`
              : `The import of ${summary.fileName} is ${summary.state}; resume it instead (it retries the contacts on a call by itself).`,
            { code: 'NOTHING_WAITING', target: jobId },
          ),
        );
      }
      const spec = await files.readSpec(jobId);
      if (!spec) return fail(consoleError('not_found', 'The stored job of that import is missing.', { target: jobId }));
      // Every row of a finished job has its result except those left waiting: those are what the run sends.
      return launchResult(spec, options.maxConcurrency());
    },
    async resumeOne(jobId) {
      const running = runs.get(jobId);
      if (running) return ok(running);
      const summary = await summaryOf(jobId).catch(() => null);
      const spec = summary && (summary.state === 'interrupted' || summary.state === 'paused') ? await files.readSpec(jobId) : null;
      if (!spec) return fail(consoleError('conflict', 'Only an interrupted or paused import can be resumed.', { target: jobId }));
      return launchResult(spec, options.maxConcurrency());
    },
    run: (jobId) => runs.get(jobId) ?? null,
    async list() {
      const summaries: ImportJobSummary[] = [];
      for (const hash of await files.listHashes()) {
        const summary = await summaryOf(hash);
        if (summary) summaries.push(summary);
      }
      return summaries.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    },
    async report(jobId) {
      try {
        return importReportSchema.parse(JSON.parse(await readFile(reportPath(jobId), 'utf8')));
      } catch {
        return null;
      }
    },
    async close() {
      await Promise.all([...runs.values()].map((run) => run.interrupt().catch(() => undefined)));
    },
  };
}
