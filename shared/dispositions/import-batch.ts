import * as z from 'zod';
import { dryRunVerdicts } from './import-dry-run';
import { importJobSummarySchema } from './import-job';

/**
 * The batch editor's view of a parsed file, held in main and read page by page:
 * a file can have a million rows, the renderer only ever holds what it shows.
 */
export const batchRowStatuses = ['will_apply', 'invalid', 'superseded', 'duplicate', 'noop'] as const;
export type BatchRowStatus = (typeof batchRowStatuses)[number];

export const batchFilters = ['all', 'invalid', 'will_skip', 'will_apply'] as const;
export type BatchFilter = (typeof batchFilters)[number];

export const batchCellProblemSchema = z.object({ field: z.string(), message: z.string() });
export type BatchCellProblem = z.infer<typeof batchCellProblemSchema>;

export const batchRowSchema = z.object({
  line: z.number().int(),
  /** Field name (campaign_id, contact_id, …) → the cell's text. */
  cells: z.record(z.string(), z.string()),
  status: z.enum(batchRowStatuses),
  problems: z.array(batchCellProblemSchema),
  /** Why the row is skipped (superseded by line N, identical to line N, already so). */
  note: z.string().nullable(),
  dryRun: z.object({ verdict: z.enum(dryRunVerdicts), reason: z.string() }).nullable(),
  /** The line where reading the file stopped (a quote never closed): no cell of it can be edited here. */
  unread: z.boolean().optional(),
});
export type BatchRow = z.infer<typeof batchRowSchema>;

export const batchFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  required: z.boolean(),
});
export type BatchField = z.infer<typeof batchFieldSchema>;

export const batchOverviewSchema = z.object({
  sessionId: z.string(),
  fileName: z.string(),
  contentHash: z.string(),
  encoding: z.string(),
  sizeBytes: z.number().int(),
  /** The file's header cells, in order. */
  headers: z.array(z.string()),
  fields: z.array(batchFieldSchema),
  /** Field → header it is read from (null: not mapped). */
  mapping: z.record(z.string(), z.string().nullable()),
  /** Problems with the file as a whole (missing required columns, unreadable encoding …). */
  fileProblems: z.array(z.string()),
  /** Where the CSV could not be followed: lines `line`…`lastLine` were not read; the rows before are usable. */
  unread: z.object({ line: z.number().int(), lastLine: z.number().int(), message: z.string() }).nullable(),
  counts: z.object({
    total: z.number().int(),
    invalid: z.number().int(),
    willApply: z.number().int(),
    willSkip: z.number().int(),
    edited: z.number().int(),
  }),
  /** The outcome codes the tenant accepts (its wrap-up codes, or the default matrix). */
  outcomeMatrix: z.array(z.string()),
  outcomeMatrixSource: z.enum(['tenant', 'default']),
  previousImport: importJobSummarySchema.nullable(),
});
export type BatchOverview = z.infer<typeof batchOverviewSchema>;

export const matchesBatchFilter = (status: BatchRowStatus, filter: BatchFilter): boolean => {
  switch (filter) {
    case 'all':
      return true;
    case 'invalid':
      return status === 'invalid';
    case 'will_apply':
      return status === 'will_apply';
    case 'will_skip':
      return status === 'superseded' || status === 'duplicate' || status === 'noop';
  }
};
