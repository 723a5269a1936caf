import { basename, join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import type { AuditWriter } from '../../audit/audit-writer';
import type { DryRunSummary, DryRunRow } from '../../../shared/dispositions/import-dry-run';
import type { RunProgressOf } from '../../../shared/runs/run-progress';
import { reportExitCode, type ImportReport } from '../../../shared/dispositions/import-report';
import { consoleError, describeError, toConsoleError, type ConsoleError } from '../../../shared/errors';
import type { TenantConnection } from '../../tenant/ports';
import { createDispositionImporter } from './disposition-importer';
import { dryRunImport } from './dry-run';
import type { ImportNotificationSink, ImportSuppressionSink } from './import-ports';
import { ImportSession } from './import-session';
import { saveKnownOutcomeMatrix } from './known-outcome-matrix';
import { readOutcomeMatrix } from './outcome-matrix';
import { noRowsCode } from '../reading/read-disposition-file';
import { readBatch } from './read-batch';
import { unappliedRowsCsv } from './unapplied-export';

export interface CliImportFlags {
  dryRun: boolean;
  json: boolean;
  concurrency?: number;
  maxRps?: number;
  /** The explicit yes to importing a file (same content) that was imported before. */
  reimport: boolean;
  /** Retry only the rows an earlier import of this file left waiting (contacts on a call). */
  retryBusy?: boolean;
  /** Once only contacts on a call remain, how long they are still retried (default: a fifth of the run so far, 2–10 s). */
  busyWaitSeconds?: number;
  exportUnapplied?: string;
}

export interface CliImportContext {
  dataDir: string;
  /** Connects with the saved (or given) tenant; `limits` override the profile's rate and concurrency. */
  openTenant(limits: {
    maxRequestsPerSecond?: number;
    maxConcurrency?: number;
  }): Promise<{ connection: TenantConnection; label: string; close(): Promise<void> | void; outcomeMapping?: CliOutcomeMapping }>;
  audit?: AuditWriter;
  suppression?: ImportSuppressionSink;
  notifications?: ImportNotificationSink;
  actorName: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Resolves when the user asks to stop (Ctrl+C); the run then stops resumably. */
  interrupted?: Promise<void>;
}

export type CliExitCode = 0 | 1 | 2;

/** Which outcome → disposition mapping an Admin API run uses, and where it came from; printed with the result. */
export interface CliOutcomeMapping {
  source: { kind: string } & Record<string, unknown>;
  /** Where the mapping came from, in words. */
  description: string;
  /** Outcome code → disposition id. */
  entries: Readonly<Record<string, string>>;
  /** Where an outcome is mapped, named in the refusal of an unknown code. */
  mapIn: string;
}

/** The JSON document `--json` prints: counts and every row not applied, with its reason. */
export interface CliImportDocument {
  file: string;
  contentHash: string;
  dryRun: boolean;
  state: string;
  counts: Record<string, number>;
  latencyMs?: { p50: number | null; p95: number | null };
  wallMs?: number;
  suppressed?: { line: number; contact: string; phone: string }[];
  notificationsQueued?: number;
  problems: { line: number; contact: string; result: string; reason: string }[];
  /** Admin API tenants: the outcome → disposition mapping used and its source. */
  outcomeMapping?: { source: CliOutcomeMapping['source']; entries: CliOutcomeMapping['entries'] };
  warnings?: { line: number; contact: string; message: string }[];
}

const usage = (message: string): ConsoleError => consoleError('validation', message);

/**
 * `cxone-console dispositions import <file>`: the same reading rules, engine and journal
 * as the app (re-running after an interruption resumes). Returns the exit code:
 * 0 every row applied or already so, 1 any row rejected/superseded/failed or not sent, 2 usage or configuration.
 */
export async function runCliImport(file: string, flags: CliImportFlags, context: CliImportContext): Promise<CliExitCode> {
  const fail = (error: ConsoleError, code: CliExitCode): CliExitCode => {
    context.stderr(`${describeError(error)}\n`);
    return code;
  };
  if (flags.concurrency !== undefined && (!Number.isInteger(flags.concurrency) || flags.concurrency < 1 || flags.concurrency > 64)) {
    return fail(usage(`--concurrency must be a whole number from 1 to 64, not ${flags.concurrency}.`), 2);
  }
  if (flags.busyWaitSeconds !== undefined && (!Number.isFinite(flags.busyWaitSeconds) || flags.busyWaitSeconds <= 0 || flags.busyWaitSeconds > 3600)) {
    return fail(usage(`--busy-wait must be a number of seconds above 0 and at most 3600, not ${flags.busyWaitSeconds}.`), 2);
  }
  if (flags.retryBusy && (flags.dryRun || flags.reimport)) {
    return fail(usage(`--retry-busy retries what an earlier import left waiting; it cannot be combined with ${flags.dryRun ? '--dry-run' : '--reimport'}.`), 2);
  }
  if (flags.maxRps !== undefined && (!Number.isFinite(flags.maxRps) || flags.maxRps <= 0 || flags.maxRps > 1000)) {
    return fail(usage(`--max-rps must be a number above 0 and at most 1000, not ${flags.maxRps}.`), 2);
  }

  let tenant: Awaited<ReturnType<CliImportContext['openTenant']>>;
  try {
    tenant = await context.openTenant({ maxRequestsPerSecond: flags.maxRps, maxConcurrency: flags.concurrency });
  } catch (thrown) {
    return fail(toConsoleError(thrown), 2);
  }
  try {
    const mapping = tenant.outcomeMapping;
    const matrix = await readOutcomeMatrix(tenant.connection.referenceData, undefined, mapping ? { mapIn: mapping.mapIn } : {});
    if (matrix.source === 'tenant') await saveKnownOutcomeMatrix(context.dataDir, tenant.label, matrix.codes, matrix.help?.names).catch(() => undefined);
    let session: ImportSession;
    let headerLine = 1;
    try {
      const batch = await readBatch(file, { fileName: basename(file), outcomeMatrix: matrix.codes, ...(matrix.help ? { outcomeHelp: matrix.help } : {}) });
      if (batch.rows.length === 0 && batch.unread === null) {
        return fail(
          usage(`${basename(file)} has no rows: its header (line ${batch.headerLine}) is followed by no disposition, so there is nothing to import.`),
          1,
        );
      }
      headerLine = batch.headerLine;
      session = new ImportSession('cli', batch, matrix);
    } catch (thrown) {
      const error = toConsoleError(thrown);
      // An empty file is readable: like a header-only one it has no rows. Everything else here is unreadable.
      return fail(error, error.code === noRowsCode ? 1 : 2);
    }
    const overview = session.overview('cli', null);
    if (overview.fileProblems.length > 0) {
      return fail(
        usage(`${basename(file)} cannot be imported: ${overview.fileProblems.join(' ')} Headers found on line ${headerLine}: ${overview.headers.join(', ')}.`),
        2,
      );
    }
    if (overview.unread && !flags.json) context.stderr(`${overview.unread.message}\n`);
    const spec = session.toSpec();
    const concurrency = flags.concurrency ?? tenant.connection.limiter.snapshot().maxConcurrency;

    if (flags.dryRun) {
      const { summary, rows } = await dryRunImport({
        jobId: `dry-run:${spec.contentHash}`,
        contentHash: spec.contentHash,
        rows: spec.rows,
        contacts: tenant.connection.contacts,
        concurrency,
        onProgress: flags.json ? undefined : printProgress(context),
        progressEveryMs: cliProgressEveryMs,
      });
      const document = withMapping(dryRunDocument(file, spec.heldBack, summary, rows), mapping);
      print(context, flags, document, mappingLine(mapping) + dryRunText(document, summary));
      // Busy contacts are retried during the import; everything else not applicable needs a person.
      return document.problems.some((problem) => problem.result !== 'noop' && problem.result !== 'busy') ? 1 : 0;
    }

    const importer = createDispositionImporter({
      dir: join(context.dataDir, 'dispositions', 'imports'),
      contacts: () => tenant.connection.contacts,
      maxConcurrency: () => concurrency,
      suppression: context.suppression,
      notifications: context.notifications,
      audit: context.audit
        ? { record: async (entry) => void (await context.audit?.append({ actor: { type: 'cli', name: context.actorName }, tenant: tenant.label, ...entry })) }
        : undefined,
      onProgress: flags.json ? undefined : printProgress(context),
      progressEveryMs: cliProgressEveryMs,
      ...(flags.busyWaitSeconds !== undefined ? { busyTailMs: flags.busyWaitSeconds * 1000 } : {}),
    });
    const previous = await importer.previousImport(spec.contentHash);
    if (previous && (previous.state === 'interrupted' || previous.state === 'paused') && !flags.json) {
      context.stderr(
        `Resuming the import of ${previous.fileName} started ${previous.startedAt}: ${previous.counts.applied} rows already applied are not sent again.\n`,
      );
    }
    if (flags.retryBusy && !flags.json && previous) {
      context.stderr(
        `Retrying the ${previous.counts.waitingBusy} contact${previous.counts.waitingBusy === 1 ? '' : 's'} of ${previous.fileName} that ${previous.counts.waitingBusy === 1 ? 'was' : 'were'} on a call; nothing else of the file is sent.\n`,
      );
    }
    const started = flags.retryBusy ? await importer.retryBusy(spec.contentHash) : await importer.start(spec, { confirmReimport: flags.reimport, concurrency });
    if (!started.ok) {
      const waiting = previous?.state === 'finished' ? previous.counts.waitingBusy : 0;
      const hint =
        started.error.code === 'ALREADY_IMPORTED'
          ? ` Pass --reimport to confirm${waiting > 0 ? `, or --retry-busy to retry only the ${waiting} contact${waiting === 1 ? '' : 's'} that ${waiting === 1 ? 'was' : 'were'} on a call` : ''}.`
          : '';
      return fail({ ...started.error, message: `${started.error.message}${hint}` }, 2);
    }
    void context.interrupted?.then(() => void started.value.interrupt());
    const report = await started.value.done;
    if (flags.exportUnapplied) await writeFile(flags.exportUnapplied, unappliedRowsCsv(report), 'utf8');
    const document = withMapping(importDocument(file, report), mapping);
    print(context, flags, document, mappingLine(mapping) + importText(report));
    return reportExitCode(report);
  } catch (thrown) {
    return fail(toConsoleError(thrown), 1);
  } finally {
    await tenant.close();
  }
}

const withMapping = (document: CliImportDocument, mapping: CliOutcomeMapping | undefined): CliImportDocument =>
  mapping ? { ...document, outcomeMapping: { source: mapping.source, entries: mapping.entries } } : document;

const mappingLine = (mapping: CliOutcomeMapping | undefined) => (mapping ? `Outcome mapping: ${mapping.description}.\n` : '');

function print(context: CliImportContext, flags: CliImportFlags, document: CliImportDocument, text: string) {
  context.stdout(flags.json ? `${JSON.stringify(document)}\n` : text);
}

/** Empty for a line that was never read into a row (where reading the file stopped). */
const contactOf = (row: { campaignId: string; contactId: string }) =>
  row.campaignId === '' && row.contactId === '' ? '' : `${row.campaignId}/${row.contactId}`;
const lineOf = (problem: { line: number; contact: string }) => `line ${problem.line}${problem.contact ? ` ${problem.contact}` : ''}`;

function importDocument(file: string, report: ImportReport): CliImportDocument {
  return {
    file,
    contentHash: report.contentHash,
    dryRun: false,
    state: report.state,
    counts: { total: report.total, ...report.counts },
    latencyMs: report.latencyMs,
    wallMs: report.wallMs,
    suppressed: report.suppressed.map((entry) => ({ line: entry.line, contact: contactOf(entry), phone: entry.phone })),
    notificationsQueued: report.notificationsQueued,
    problems: report.problems.map((problem) => ({ line: problem.line, contact: contactOf(problem), result: problem.result, reason: problem.reason })),
    warnings: report.warnings.map((warning) => ({ line: warning.line, contact: contactOf(warning), message: warning.message })),
  };
}

function dryRunDocument(
  file: string,
  heldBack: { line: number; campaignId: string; contactId: string; kind: string; reason: string }[],
  summary: DryRunSummary,
  rows: DryRunRow[],
): CliImportDocument {
  const problems = [
    ...heldBack.map((row) => ({ line: row.line, contact: contactOf(row), result: row.kind, reason: row.reason })),
    ...rows.filter((row) => row.verdict !== 'will_apply').map((row) => ({ line: row.line, contact: contactOf(row), result: row.verdict, reason: row.reason })),
  ].sort((a, b) => a.line - b.line);
  return {
    file,
    contentHash: summary.contentHash,
    dryRun: true,
    state: summary.cancelled ? 'cancelled' : 'finished',
    counts: {
      ...summary.counts,
      rejected: heldBack.filter((row) => row.kind === 'rejected').length,
      superseded: heldBack.filter((row) => row.kind === 'superseded').length,
    },
    problems,
  };
}

function dryRunText(document: CliImportDocument, summary: DryRunSummary): string {
  const c = summary.counts;
  const lines = [
    `Dry run of ${document.file}: ${c.will_apply} would change, ${c.noop} already so, ${c.busy} busy now, ${c.not_found} not found, ${c.failed} unreadable; ` +
      `${document.counts.rejected} rejected, ${document.counts.superseded} superseded. Nothing was changed.`,
    ...document.problems.map((problem) => `  ${lineOf(problem)}: ${problem.result} — ${problem.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}

function importText(report: ImportReport): string {
  const c = report.counts;
  const lines = [
    `${report.fileName}: ${c.applied} applied, ${c.noop} skipped (already so), ${c.rejected} rejected, ${c.superseded} superseded, ${c.failed} failed` +
      `${c.waitingBusy > 0 ? `, ${c.waitingBusy} waiting (on a call)` : ''}${c.pending - c.waitingBusy > 0 ? `, ${c.pending - c.waitingBusy} not sent` : ''} — ${report.state}, ${(report.wallMs / 1000).toFixed(1)} s, latency p50 ${report.latencyMs.p50 ?? '—'} ms, p95 ${report.latencyMs.p95 ?? '—'} ms.`,
    ...(report.suppressed.length > 0 ? [`DO_NOT_CALL numbers added to the suppression list: ${report.suppressed.map((entry) => entry.phone).join(', ')}`] : []),
    ...report.problems.map((problem) => `  ${lineOf({ line: problem.line, contact: contactOf(problem) })}: ${problem.result} — ${problem.reason}`),
    ...report.warnings.map((warning) => `  ${lineOf({ line: warning.line, contact: contactOf(warning) })}: warning — ${warning.message}`),
    ...(report.state === 'interrupted' ? ['The import stopped before the end; run the same command again to resume where it stopped.'] : []),
    ...(report.state === 'finished' && c.waitingBusy > 0
      ? [
          `${c.waitingBusy} contact${c.waitingBusy === 1 ? ' was' : 's were'} on a call until the end; run the same command with --retry-busy later to apply just ${c.waitingBusy === 1 ? 'it' : 'them'}.`,
        ]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}

function progressLine(progress: RunProgressOf<'import'>): string {
  const eta = progress.etaMs === undefined ? '—' : `${Math.ceil(progress.etaMs / 1000)} s`;
  return (
    `${progress.detail.mode === 'dry_run' ? 'dry run' : 'import'}: ${progress.done}/${progress.total} rows, ${(progress.ratePerSecond ?? 0).toFixed(1)}/s, ETA ${eta}` +
    ` (applied ${progress.counts.applied}, already ${progress.counts.noop}, failed ${progress.counts.failed}, busy ${progress.counts.waitingBusy})${progress.note ? ` — ${progress.note}` : ''}\n`
  );
}

/** A line a second on stderr: the run's reporter throttles (`cliProgressEveryMs`), this only prints. */
const cliProgressEveryMs = 1000;
const printProgress = (context: CliImportContext) => (progress: RunProgressOf<'import'>) => context.stderr(progressLine(progress));
