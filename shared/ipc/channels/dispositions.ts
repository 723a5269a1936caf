import * as z from 'zod';
import { batchFilters, batchOverviewSchema, batchRowSchema } from '../../dispositions/import-batch';
import { dryRunSummarySchema } from '../../dispositions/import-dry-run';
import { importJobSummarySchema } from '../../dispositions/import-job';
import { importReportSchema } from '../../dispositions/import-report';
import { importRunProgressSchema } from '../../runs/run-progress';
import { requestChannel } from '../define';

/** Largest upload chunk (base64 text) the renderer sends when the file comes from an <input type="file">. */
export const uploadChunkMaxChars = 1_048_576;

const sessionRef = z.object({ sessionId: z.string().min(1) });
const jobRef = z.object({ jobId: z.string().min(1) });

export const dispositionsRequestChannels = {
  /** Browser mode has no native file dialog: the file's bytes are sent to main in chunks. */
  'dispositions:uploadBegin': requestChannel(
    z.object({ fileName: z.string().min(1).max(255), sizeBytes: z.number().int().min(0) }),
    z.object({ uploadId: z.string() }),
  ),
  'dispositions:uploadChunk': requestChannel(
    z.object({ uploadId: z.string().min(1), offset: z.number().int().min(0), base64: z.string().max(uploadChunkMaxChars) }),
    z.object({ receivedBytes: z.number().int() }),
  ),
  /** On the demo tenant only: writes a sample file of its own contacts, to open like any other (by its id). */
  'dispositions:demoSample': requestChannel(z.object({}), z.object({ fileId: z.string(), fileName: z.string(), rows: z.number().int() })),
  /** Desktop app: main's own file dialog; the renderer gets an id for the chosen file (null when cancelled). */
  'dispositions:pickFile': requestChannel(z.object({}), z.object({ fileId: z.string(), fileName: z.string() }).nullable()),
  /**
   * Opens a file for the batch editor: a finished upload, a file picked in main (its id), or
   * (browser mode) a path the lead typed and then confirmed. Never a file in the data folder.
   */
  'dispositions:open': requestChannel(
    z.union([
      z.object({ uploadId: z.string().min(1) }),
      z.object({ fileId: z.string().min(1) }),
      z.object({ path: z.string().min(1).max(4096), confirmed: z.literal(true, { message: 'Confirm the path before the console reads it.' }) }),
    ]),
    batchOverviewSchema,
  ),
  'dispositions:setMapping': requestChannel(sessionRef.extend({ mapping: z.record(z.string(), z.string().nullable()) }), batchOverviewSchema),
  'dispositions:rows': requestChannel(
    sessionRef.extend({ filter: z.enum(batchFilters), offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }),
    z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(batchRowSchema) }),
  ),
  'dispositions:editCell': requestChannel(
    sessionRef.extend({ line: z.number().int().min(1), field: z.string().min(1), value: z.string().max(4000) }),
    z.object({ row: batchRowSchema, overview: batchOverviewSchema }),
  ),
  'dispositions:dryRun': requestChannel(sessionRef, dryRunSummarySchema),
  'dispositions:cancelDryRun': requestChannel(sessionRef, z.object({ cancelled: z.boolean() })),
  'dispositions:apply': requestChannel(
    sessionRef.extend({ confirmReimport: z.boolean().default(false), concurrency: z.number().int().min(1).max(64).optional() }),
    importJobSummarySchema,
  ),
  'dispositions:jobs': requestChannel(z.object({}), z.array(importJobSummarySchema)),
  'dispositions:progress': requestChannel(jobRef, importRunProgressSchema.nullable()),
  'dispositions:pause': requestChannel(jobRef, importRunProgressSchema),
  'dispositions:resume': requestChannel(jobRef, importRunProgressSchema),
  'dispositions:cancel': requestChannel(jobRef, importRunProgressSchema),
  /** When only contacts on a call remain: stop waiting for them; the run ends with them left waiting. */
  'dispositions:finishNow': requestChannel(jobRef, importRunProgressSchema),
  /** Retries only the rows a finished import left waiting (contacts that were on a call). */
  'dispositions:retryBusy': requestChannel(jobRef, importJobSummarySchema),
  /** Resumes an import a quit or crash stopped (also done by itself on start). */
  'dispositions:resumeJob': requestChannel(jobRef, importJobSummarySchema),
  'dispositions:report': requestChannel(jobRef, importReportSchema.nullable()),
  'dispositions:exportUnapplied': requestChannel(jobRef, z.object({ fileName: z.string(), path: z.string(), csv: z.string() })),
};

export const dispositionsEventChannels = {
  'dispositions:importSettled': importReportSchema,
};
