import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { RunProgressOf } from '../../shared/runs/run-progress';
import { ConsoleFailure, consoleError } from '../../shared/errors';
import type { RequestHandlers } from '../ipc/handlers';
import type { ReferenceDataPort } from '../tenant/ports';
import type { DispositionImporter } from './import/disposition-importer';
import { dryRunImport } from './import/dry-run';
import type { ImportContactsPort } from './import/import-ports';
import { ImportSession } from './import/import-session';
import { readOutcomeMatrix } from './import/outcome-matrix';
import { readBatch } from './import/read-batch';
import { unappliedExportFileName, unappliedRowsCsv } from './import/unapplied-export';
import { createUploadStore } from './import/upload-store';
import { checkChosenPath, createChosenFiles, type ChosenFiles } from './file-access';

/** The demo sample file needs the demo tenant itself, so `demoSampleHandler` (`../app/demo-sample-handler.ts`) answers it. */
type DispositionsChannel = Exclude<Extract<keyof RequestHandlers, `dispositions:${string}`>, 'dispositions:demoSample'>;

export interface DispositionsHandlerOptions {
  /** `<dataDir>/dispositions`: uploads and exports live below it. */
  dir: string;
  /** The console's data folder: nothing in it is ever opened as a disposition file. */
  dataDir: string;
  /** Which shell asks: the desktop app names files only through its dialog, the browser mode by a confirmed path. */
  shell: 'electron' | 'web';
  /** The desktop app's native open dialog (main side); absent in browser mode. */
  pickFile?: () => Promise<string | null>;
  /** The `maxUploadBytes` setting. */
  maxUploadBytes?: () => number;
  importer: DispositionImporter;
  contacts: () => ImportContactsPort;
  referenceData: () => ReferenceDataPort | null;
  /** Where the connected tenant maps an outcome to a disposition (Admin API tenants), named in the refusal of an unknown code. */
  outcomeMapIn?: () => string | undefined;
  maxConcurrency: () => number;
  onProgress: (progress: RunProgressOf<'import'>) => void;
}

export interface DispositionsHandlers {
  handlers: Pick<RequestHandlers, DispositionsChannel>;
  /** Files main chose itself (the demo sample) are handed to the renderer as ids from here. */
  chosen: ChosenFiles;
  dispose(): Promise<void>;
}

export function dispositionsHandlers(options: DispositionsHandlerOptions): DispositionsHandlers {
  const uploads = createUploadStore(join(options.dir, 'uploads'), options.maxUploadBytes ? { maxBytes: options.maxUploadBytes } : {});
  const sessions = new Map<string, ImportSession>();
  const dryRuns = new Map<string, AbortController>();
  const chosen = createChosenFiles();

  const sessionOf = (id: string) => {
    const session = sessions.get(id);
    if (!session) throw new ConsoleFailure(consoleError('not_found', 'That file is no longer open; open it again.', { target: id }));
    return session;
  };
  const runOf = (jobId: string) => {
    const run = options.importer.run(jobId);
    if (!run) throw new ConsoleFailure(consoleError('not_found', 'That import is not running (it finished, or was stopped).', { target: jobId }));
    return run;
  };

  const open = async (path: string, fileName: string) => {
    const mapIn = options.outcomeMapIn?.();
    const matrix = await readOutcomeMatrix(options.referenceData(), undefined, mapIn ? { mapIn } : {});
    const batch = await readBatch(path, { fileName, outcomeMatrix: matrix.codes, ...(matrix.help ? { outcomeHelp: matrix.help } : {}) });
    const session = new ImportSession(randomUUID(), batch, matrix);
    // One open file at a time is enough; dropping older sessions bounds memory.
    sessions.clear();
    sessions.set(session.id, session);
    return session.overview(session.id, await options.importer.previousImport(batch.contentHash));
  };
  const overviewOf = async (sessionId: string, session: ImportSession) =>
    session.overview(sessionId, await options.importer.previousImport(session.contentHash));

  const handlers: Pick<RequestHandlers, DispositionsChannel> = {
    'dispositions:uploadBegin': async ({ fileName, sizeBytes }) => ({ uploadId: await uploads.begin(fileName, sizeBytes) }),
    'dispositions:uploadChunk': async ({ uploadId, offset, base64 }) => ({ receivedBytes: await uploads.chunk(uploadId, offset, base64) }),
    'dispositions:pickFile': async () => {
      if (!options.pickFile) {
        throw new ConsoleFailure(
          consoleError('validation', 'The browser mode has no file dialog: pick the file with "Or pick a file", or type its path and confirm it.'),
        );
      }
      const path = await options.pickFile();
      if (path === null) return null;
      return chosen.register(await checkChosenPath(path, options.dataDir));
    },
    'dispositions:open': async (request) => {
      if ('uploadId' in request) {
        const upload = await uploads.finish(request.uploadId);
        // The rows are in memory once read: the copy (phone numbers, notes) does not stay on disk.
        return open(upload.path, upload.fileName).finally(() => uploads.discard(request.uploadId));
      }
      if ('fileId' in request) {
        const file = chosen.take(request.fileId);
        return open(file.path, file.fileName);
      }
      if (options.shell === 'electron') {
        throw new ConsoleFailure(
          consoleError('validation', 'In the desktop app, choose the file with "Choose file…"; a typed path is not opened.', { target: 'path' }),
        );
      }
      return open(await checkChosenPath(request.path, options.dataDir), basename(request.path));
    },
    'dispositions:setMapping': async ({ sessionId, mapping }) => {
      const session = sessionOf(sessionId);
      session.setFieldMapping(mapping);
      return overviewOf(sessionId, session);
    },
    'dispositions:rows': async ({ sessionId, filter, offset, limit }) => ({ offset, ...sessionOf(sessionId).page(filter, offset, limit) }),
    'dispositions:editCell': async ({ sessionId, line, field, value }) => {
      const session = sessionOf(sessionId);
      const edited = session.edit(line, field, value);
      if (!edited.ok) throw new ConsoleFailure(consoleError('validation', edited.reason, { target: `line ${line}` }));
      return { row: edited.row, overview: await overviewOf(sessionId, session) };
    },
    'dispositions:dryRun': async ({ sessionId }) => {
      const session = sessionOf(sessionId);
      dryRuns.get(sessionId)?.abort();
      const controller = new AbortController();
      dryRuns.set(sessionId, controller);
      try {
        const { summary, rows } = await dryRunImport({
          jobId: `dry-run:${session.contentHash}`,
          contentHash: session.contentHash,
          rows: session.rowsToSend(),
          contacts: options.contacts(),
          concurrency: options.maxConcurrency(),
          signal: controller.signal,
          onProgress: options.onProgress,
        });
        session.recordDryRun(rows);
        return summary;
      } finally {
        if (dryRuns.get(sessionId) === controller) dryRuns.delete(sessionId);
      }
    },
    'dispositions:cancelDryRun': async ({ sessionId }) => {
      const controller = dryRuns.get(sessionId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    'dispositions:apply': async ({ sessionId, confirmReimport, concurrency }) => {
      const session = sessionOf(sessionId);
      const overview = session.overview(sessionId, null);
      if (overview.fileProblems.length > 0) {
        throw new ConsoleFailure(consoleError('validation', `The file cannot be imported as mapped: ${overview.fileProblems.join('; ')}`));
      }
      const started = await options.importer.start(session.toSpec(), { confirmReimport, concurrency });
      if (!started.ok) throw new ConsoleFailure(started.error);
      const summary = await options.importer.previousImport(session.contentHash);
      if (!summary) throw new ConsoleFailure(consoleError('internal', 'The import started but its journal cannot be read.'));
      return summary;
    },
    'dispositions:jobs': () => options.importer.list(),
    'dispositions:progress': async ({ jobId }) => options.importer.run(jobId)?.progress() ?? null,
    'dispositions:pause': async ({ jobId }) => {
      const run = runOf(jobId);
      run.pause();
      return run.progress();
    },
    'dispositions:resume': async ({ jobId }) => {
      const run = runOf(jobId);
      run.resume();
      return run.progress();
    },
    'dispositions:cancel': async ({ jobId }) => {
      const run = runOf(jobId);
      run.cancel();
      return run.progress();
    },
    'dispositions:finishNow': async ({ jobId }) => {
      const run = runOf(jobId);
      run.finishNow();
      return run.progress();
    },
    'dispositions:retryBusy': async ({ jobId }) => {
      const retried = await options.importer.retryBusy(jobId);
      if (!retried.ok) throw new ConsoleFailure(retried.error);
      const summary = await options.importer.previousImport(jobId);
      if (!summary) throw new ConsoleFailure(consoleError('not_found', 'No import with that id.', { target: jobId }));
      return summary;
    },
    'dispositions:resumeJob': async ({ jobId }) => {
      const resumed = await options.importer.resumeOne(jobId);
      if (!resumed.ok) throw new ConsoleFailure(resumed.error);
      resumed.value.resume();
      const summary = await options.importer.previousImport(jobId);
      if (!summary) throw new ConsoleFailure(consoleError('not_found', 'No import with that id.', { target: jobId }));
      return summary;
    },
    'dispositions:report': ({ jobId }) => options.importer.report(jobId),
    'dispositions:exportUnapplied': async ({ jobId }) => {
      const report = await options.importer.report(jobId);
      if (!report)
        throw new ConsoleFailure(consoleError('not_found', 'That import has no report yet; it is still running or was never started.', { target: jobId }));
      const csv = unappliedRowsCsv(report);
      const fileName = unappliedExportFileName(report);
      const exportDir = join(options.dir, 'exports');
      await mkdir(exportDir, { recursive: true });
      const path = join(exportDir, fileName);
      await writeFile(path, csv, 'utf8');
      return { fileName, path, csv };
    },
  };

  return {
    handlers,
    chosen,
    async dispose() {
      for (const controller of dryRuns.values()) controller.abort();
      await uploads.discardAll();
      sessions.clear();
    },
  };
}
