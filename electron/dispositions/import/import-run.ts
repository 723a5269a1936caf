import { backoff } from '../../../shared/base/backoff';
import { delay } from '../../../shared/base/delay';
import {
  emptyImportCounts,
  importRowKey,
  type ImportCounts,
  type ImportJobSpec,
  type ImportJobState,
  type ImportJobSummary,
} from '../../../shared/dispositions/import-job';
import type { ImportProblem, ImportReport, ImportWarning, SuppressedNumber } from '../../../shared/dispositions/import-report';
import { describeError, toConsoleError } from '../../../shared/errors';
import type { RunDetailOf, RunProgressOf } from '../../../shared/runs/run-progress';
import { createRunProgressReporter } from '../../runs/run-progress-reporter';
import { attemptRow } from './apply-row';
import { buildImportReport } from './build-import-report';
import { createContactPrefetch } from './contact-prefetch';
import type { ImportJournal } from './import-journal';
import type { ImportContactsPort, ImportNotificationSink, ImportSuppressionSink } from './import-ports';
import { createRowQueue, type QueuedRow } from './import-scheduler';
import type { JournalReplay, RowRecord } from './journal-records';

export interface ImportRunOptions {
  spec: ImportJobSpec;
  journal: ImportJournal;
  /** What an earlier, interrupted run of this job already confirmed. */
  replay: JournalReplay;
  contacts: () => ImportContactsPort;
  concurrency: number;
  /** Wait before the next try of a busy contact, times the try number up to 4 (default 2000 ms). */
  busyRetryDelayMs?: number;
  /**
   * Once only contacts on a call remain, how long they are still retried before the run ends
   * with them left waiting in the journal (`retryBusy` tries them later). Default: a fifth
   * of the time the rest of the run took, at least 2 s and at most 10 s — a call rarely ends
   * within seconds, so a long wait only holds the lead up.
   */
  busyTailMs?: number;
  suppression?: ImportSuppressionSink;
  notifications?: ImportNotificationSink;
  /**
   * Resolves when the tenant is worth trying again after it could not be reached.
   * Without it the run stops as `interrupted` (resumable) instead of waiting.
   */
  waitForTenant?: (signal: AbortSignal) => Promise<void>;
  onProgress?: (progress: RunProgressOf<'import'>) => void;
  /** At most one progress per this many ms (default 100; the command line's lines come once a second). */
  progressEveryMs?: number;
  now?: () => number;
  wallClock?: () => Date;
}

export interface ImportRun {
  readonly jobId: string;
  /** Settles when the run ends: finished, cancelled or interrupted. */
  readonly done: Promise<ImportReport>;
  progress(): RunProgressOf<'import'>;
  /** The job as the list of imports shows it, from memory (the journal may lag by a write). */
  summary(): ImportJobSummary;
  pause(): void;
  resume(): void;
  cancel(): void;
  /** When only contacts on a call remain: stop waiting for them, end the run, leave them waiting. */
  finishNow(): void;
  /** Stops starting rows, lets those in flight land, and leaves the journal resumable (app quit). */
  interrupt(): Promise<ImportReport>;
}

/**
 * Applies the rows of one job with at most `concurrency` in flight. Every confirmed
 * row is in the journal before it counts; a row the journal confirms is never sent
 * again. Pacing is the tenant client's rate limiter's job, not this loop's.
 */
export function startImportRun(options: ImportRunOptions): ImportRun {
  const { spec, journal, replay } = options;
  const now = options.now ?? performance.now.bind(performance);
  const wallClock = options.wallClock ?? (() => new Date());
  const busyRetryDelayMs = options.busyRetryDelayMs ?? 2000;
  const busyRetryWait = backoff({ baseMs: busyRetryDelayMs, growth: 'linear', capMs: busyRetryDelayMs * 4 });
  const busyTailMs = () => options.busyTailMs ?? Math.min(10_000, Math.max(2000, (now() - startedMs) / 5));
  const jobId = spec.contentHash;
  const startedAt = replay.start?.at ?? wallClock().toISOString();
  const startedMs = now();

  const counts: ImportCounts = emptyImportCounts();
  const latencies: number[] = [];
  const suppressed: SuppressedNumber[] = [];
  const problems: ImportProblem[] = [];
  const warnings: ImportWarning[] = [];
  let notificationsQueued = 0;
  let doneThisRun = 0;
  let doneBefore = 0;
  for (const notice of spec.notices ?? []) warnings.push(notice);
  for (const held of spec.heldBack) {
    counts[held.kind] += 1;
    problems.push({
      line: held.line,
      campaignId: held.campaignId,
      contactId: held.contactId,
      outcomeCode: held.outcomeCode,
      result: held.kind,
      reason: held.reason,
    });
  }

  const queue = createRowQueue(now);
  const sent = new Set(replay.sending);
  const rowByLine = new Map(spec.rows.map((row) => [row.line, row]));
  const recordResult = (record: RowRecord) => {
    const row = rowByLine.get(record.line);
    counts[record.result] += 1;
    if (record.result === 'applied') latencies.push(record.latencyMs);
    if (record.suppressedPhone && row) suppressed.push({ line: row.line, campaignId: row.campaignId, contactId: row.contactId, phone: record.suppressedPhone });
    if (record.notified) notificationsQueued += 1;
    if (row) for (const message of record.warnings ?? []) warnings.push({ line: row.line, campaignId: row.campaignId, contactId: row.contactId, message });
    if (record.result !== 'applied' && row) {
      problems.push({
        line: row.line,
        campaignId: row.campaignId,
        contactId: row.contactId,
        outcomeCode: row.outcomeCode,
        result: record.result,
        reason: record.reason ?? '',
      });
    }
  };
  spec.rows.forEach((row, index) => {
    const confirmed = replay.rows.get(importRowKey(row));
    if (confirmed && confirmed.line === row.line) {
      recordResult(confirmed);
      doneBefore += 1;
    } else {
      queue.push({ index, busyTries: 0, notBefore: 0 });
    }
  });
  counts.pending = queue.size();
  const prefetch = createContactPrefetch(
    options.contacts(),
    spec.rows.filter((row) => !replay.rows.has(importRowKey(row))),
  );

  let state: ImportJobState = replay.lastState === 'paused' ? 'paused' : 'running';
  let note: string | null = state === 'paused' ? 'Paused; resume to continue.' : null;
  let stopping: 'cancel' | 'interrupt' | null = null;
  let inFlight = 0;
  const waitAbort = new AbortController();
  /** Set when only contacts on a call remain: until when they are still retried. */
  let tailEndsAt: number | null = null;
  let finishNowAsked = false;
  let tailTicker: ReturnType<typeof setInterval> | null = null;
  const leftWaiting: { index: number; reason: string }[] = [];
  /** Rows of busy contacts being tried again right now. */
  const retryingNow = new Set<number>();

  const wallTimeOf = (at: number) => new Date(wallClock().getTime() + (at - now())).toISOString();
  const busyTail = (): RunDetailOf<'import'>['busyTail'] => {
    if (tailEndsAt === null || queue.waitingCount() === 0) return null;
    const next = queue.nextDueIn();
    return { contacts: queue.waitingCount() + retryingNow.size, retryAt: next === null ? null : wallTimeOf(now() + next), endsAt: wallTimeOf(tailEndsAt) };
  };
  const tailNote = () => {
    const tail = busyTail();
    if (!tail) return note;
    const next = queue.nextDueIn();
    const retry = next === null || next <= 0 ? 'retrying now' : `retrying in ${Math.ceil(next / 1000)} s`;
    return `${tail.contacts} contact${tail.contacts === 1 ? '' : 's'} on a call — ${retry}`;
  };

  const reporter = createRunProgressReporter<'import'>({
    runId: jobId,
    kind: 'import',
    total: spec.rows.length,
    doneBefore,
    emit: (progress) => options.onProgress?.(progress),
    everyMs: options.progressEveryMs,
    now,
    counts: { ...counts },
    detail: () => ({ mode: 'apply', jobState: state, busyTail: state === 'running' ? busyTail() : null }),
  });
  /** Hands the figures now to the reporter; `force` sends them at once. */
  const emit = (force = false) => {
    const tail = state === 'running' ? busyTail() : null;
    reporter.update(doneBefore + doneThisRun, { ...counts, waitingBusy: queue.waitingCount() + leftWaiting.length }, (tail ? tailNote() : note) ?? undefined);
    if (force) reporter.flush();
  };
  const progress = () => {
    emit();
    return reporter.current();
  };
  const setState = (next: ImportJobState, why: string | null) => {
    state = next;
    note = why;
    emit(true);
  };

  const finishRow = async (item: QueuedRow, record: RowRecord) => {
    await journal.append(record, true);
    retryingNow.delete(item.index);
    counts.pending -= 1;
    doneThisRun += 1;
    recordResult(record);
    // While waiting on contacts on a call, each one that lands changes the count shown.
    emit(tailEndsAt !== null);
  };

  const leaveWaiting = async (item: QueuedRow, reason: string, tries: number) => {
    const row = spec.rows[item.index];
    if (!row) return;
    await journal.append({ type: 'busy', at: wallClock().toISOString(), key: importRowKey(row), line: row.line, reason, attempts: tries }, true);
    retryingNow.delete(item.index);
    leftWaiting.push({ index: item.index, reason });
    emit(true);
  };

  /** Only contacts on a call are left: start (or, after Finish now, end) the bounded wait for them. */
  const onlyBusyLeft = async () => {
    if (tailEndsAt === null) {
      tailEndsAt = now() + busyTailMs();
      queue.clampWaiting(tailEndsAt);
      tailTicker = setInterval(() => emit(true), 1000);
      emit(true);
    }
    if (finishNowAsked) {
      for (const item of queue.drainWaiting()) {
        const row = spec.rows[item.index];
        await leaveWaiting(item, row ? `Contact ${row.contactId} was on a call when the import was finished.` : '', item.busyTries);
      }
    }
  };

  let waitingForTenant: Promise<void> | null = null;
  const tenantUnreachable = (reason: string) => {
    if (!options.waitForTenant) {
      stopping ??= 'interrupt';
      note = `Stopped: ${reason} Run the import again to resume.`;
      queue.notify();
      return;
    }
    if (waitingForTenant) return;
    setState('waiting_for_tenant', `Waiting for the tenant: ${reason}`);
    waitingForTenant = options
      .waitForTenant(waitAbort.signal)
      .then(
        () => {
          if (state === 'waiting_for_tenant') setState('running', null);
        },
        () => undefined,
      )
      .finally(() => {
        waitingForTenant = null;
        queue.notify();
      });
  };

  const work = async (item: QueuedRow) => {
    const row = spec.rows[item.index];
    if (!row) return;
    const key = importRowKey(row);
    const prefetched = item.busyTries === 0 && !sent.has(key) ? await prefetch?.take(row.campaignId, row.contactId) : null;
    const attempt = await attemptRow(options.contacts(), row, {
      prefetched,
      wasSent: sent.has(key),
      beforeSend: async () => {
        sent.add(key);
        await journal.append({ type: 'sending', at: wallClock().toISOString(), key, line: row.line });
      },
      now,
    });
    const at = wallClock().toISOString();
    const tries = item.busyTries + 1;
    switch (attempt.kind) {
      case 'busy': {
        // While other rows run, a busy contact is simply tried again later; once only busy
        // contacts remain, they get until the end of the bounded wait, then are left waiting.
        if (tailEndsAt !== null && (finishNowAsked || now() >= tailEndsAt)) {
          await leaveWaiting(item, attempt.reason, tries);
          return;
        }
        retryingNow.delete(item.index);
        const retryAt = now() + busyRetryWait(tries);
        queue.push({ index: item.index, busyTries: tries, notBefore: tailEndsAt === null ? retryAt : Math.min(retryAt, tailEndsAt) });
        return;
      }
      case 'unreachable':
        queue.pushFront(item);
        tenantUnreachable(describeError(attempt.error));
        return;
      case 'noop':
        await finishRow(item, { type: 'row', at, key, line: row.line, result: 'noop', reason: attempt.reason, latencyMs: attempt.latencyMs, attempts: tries });
        return;
      case 'failed':
        await finishRow(item, {
          type: 'row',
          at,
          key,
          line: row.line,
          result: 'failed',
          reason: attempt.reason,
          latencyMs: attempt.latencyMs,
          attempts: tries,
        });
        return;
      case 'applied': {
        // The disposition is on the tenant now: a failing side effect is reported on the row, never un-does or stops it.
        const warnings: string[] = [];
        let suppressedPhone: string | undefined;
        if (row.outcomeCode === 'DO_NOT_CALL' && options.suppression) {
          try {
            await options.suppression.add({
              phone: attempt.contact.phone,
              campaignId: row.campaignId,
              contactId: row.contactId,
              source: `${spec.fileName} line ${row.line}`,
            });
            suppressedPhone = attempt.contact.phone;
          } catch (thrown) {
            warnings.push(`Applied, but ${attempt.contact.phone} could not be put on the local suppression list: ${describeError(toConsoleError(thrown))}`);
          }
        }
        let notified = false;
        if (options.notifications?.enabled()) {
          try {
            await options.notifications.enqueue(
              {
                event: 'DISPOSITION_UPDATE',
                source: 'cxone-console',
                data: {
                  contactId: row.contactId,
                  campaignId: row.campaignId,
                  outcomeCode: row.outcomeCode,
                  agentId: row.agentId,
                  status: 'applied',
                  latencyMs: Math.round(attempt.latencyMs),
                  timestamp: at,
                },
              },
              `disposition:${spec.contentHash}:${key}`,
            );
            notified = true;
          } catch (thrown) {
            warnings.push(`Applied, but the CRM notification could not be queued: ${describeError(toConsoleError(thrown))}`);
          }
        }
        await finishRow(item, {
          type: 'row',
          at,
          key,
          line: row.line,
          result: 'applied',
          latencyMs: attempt.latencyMs,
          attempts: tries,
          ...(attempt.recovered ? { reason: 'Confirmed on resume: the earlier try had reached the tenant.' } : {}),
          ...(warnings.length > 0 ? { warnings } : {}),
          ...(suppressedPhone ? { suppressedPhone } : {}),
          notified,
        });
        return;
      }
    }
  };

  const worker = async () => {
    for (;;) {
      if (stopping) return;
      if (state !== 'running') {
        await queue.changed();
        continue;
      }
      const item = queue.take();
      if (!item) {
        if (queue.size() === 0 && inFlight === 0) {
          queue.notify();
          return;
        }
        if (inFlight === 0 && queue.size() === queue.waitingCount()) {
          await onlyBusyLeft();
          if (queue.size() === 0) continue;
        }
        const dueIn = queue.nextDueIn();
        // The delay is not unref'd: a busy contact waiting for its next try is work that keeps the process alive.
        await Promise.race([queue.changed(), ...(dueIn !== null ? [delay(dueIn)] : [])]);
        continue;
      }
      inFlight += 1;
      if (item.busyTries > 0) retryingNow.add(item.index);
      try {
        await work(item);
      } finally {
        retryingNow.delete(item.index);
        inFlight -= 1;
        queue.notify();
      }
    }
  };

  const run = async (): Promise<ImportReport> => {
    if (!replay.start) {
      await journal.append(
        {
          type: 'start',
          at: startedAt,
          jobId,
          contentHash: spec.contentHash,
          fileName: spec.fileName,
          toApply: spec.rows.length,
          heldBack: spec.heldBack.length,
        },
        true,
      );
    } else if (state === 'running' && replay.lastState !== 'running') {
      await journal.append({ type: 'state', at: wallClock().toISOString(), state: 'running' });
    }
    emit(true);
    const workers = Math.max(1, Math.min(options.concurrency, Math.max(1, queue.size())));
    await Promise.all(Array.from({ length: workers }, worker));
    if (tailTicker) clearInterval(tailTicker);
    waitAbort.abort();
    const notSent = queue.drain();
    let finishedAt: string | null = null;
    if (stopping === 'interrupt') {
      state = 'interrupted';
    } else {
      finishedAt = wallClock().toISOString();
      state = stopping === 'cancel' ? 'cancelled' : 'finished';
      await journal.append({ type: 'state', at: finishedAt, state }, true);
      note = null;
    }
    for (const { index, reason } of leftWaiting) {
      const row = spec.rows[index];
      if (row)
        problems.push({
          line: row.line,
          campaignId: row.campaignId,
          contactId: row.contactId,
          outcomeCode: row.outcomeCode,
          result: 'waiting',
          reason: `${reason} Left waiting: nothing was sent; retry once the call has ended (the report's Retry … on a call button, or dispositions import <file> --retry-busy).`,
        });
    }
    for (const item of notSent) {
      const row = spec.rows[item.index];
      if (row)
        problems.push({
          line: row.line,
          campaignId: row.campaignId,
          contactId: row.contactId,
          outcomeCode: row.outcomeCode,
          result: 'not_sent',
          reason: state === 'cancelled' ? 'Not sent: the import was cancelled.' : 'Not sent yet: the import stopped; it resumes where it stopped.',
        });
    }
    await journal.close();
    emit();
    // Interrupted: stopped before the end, resumable; the detail's jobState says so.
    reporter.finish(state === 'cancelled' ? 'cancelled' : state === 'interrupted' ? 'failed' : 'finished');
    return buildImportReport({
      jobId,
      spec,
      state,
      startedAt,
      finishedAt,
      counts: { ...counts, waitingBusy: leftWaiting.length },
      latencies,
      suppressed,
      notificationsQueued,
      problems,
      warnings,
      wallMs: now() - startedMs,
      dryRun: false,
    });
  };

  const done = run();
  return {
    jobId,
    done,
    progress,
    summary: () => ({
      id: jobId,
      contentHash: spec.contentHash,
      fileName: spec.fileName,
      state,
      startedAt,
      finishedAt: null,
      total: spec.rows.length + spec.heldBack.length,
      counts: { ...counts, waitingBusy: queue.waitingCount() },
    }),
    pause() {
      if (state !== 'running' && state !== 'waiting_for_tenant') return;
      setState('paused', 'Paused; rows already sent finish, nothing new starts until you resume.');
      void journal.append({ type: 'state', at: wallClock().toISOString(), state: 'paused' }).catch(() => undefined);
    },
    resume() {
      if (state !== 'paused') return;
      setState('running', null);
      void journal.append({ type: 'state', at: wallClock().toISOString(), state: 'running' }).catch(() => undefined);
      queue.notify();
    },
    finishNow() {
      if (tailEndsAt === null) return;
      finishNowAsked = true;
      queue.notify();
    },
    cancel() {
      stopping ??= 'cancel';
      note = 'Cancelling: rows already sent finish, nothing new starts.';
      waitAbort.abort();
      queue.notify();
      emit(true);
    },
    async interrupt() {
      stopping ??= 'interrupt';
      waitAbort.abort();
      queue.notify();
      return done;
    },
  };
}
