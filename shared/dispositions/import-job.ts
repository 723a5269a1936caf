import * as z from 'zod';

/**
 * One row the import will send to the tenant: already parsed, validated and
 * de-duplicated by the reading engine. `line` is the row's line in the file.
 */
export const importRowSchema = z.object({
  line: z.number().int().min(1),
  campaignId: z.string().min(1),
  contactId: z.string().min(1),
  outcomeCode: z.string().min(1),
  agentId: z.string().min(1),
  notes: z.string().optional(),
  dispositionTimestamp: z.string().min(1),
  customFields: z.record(z.string(), z.string()).optional(),
});
export type ImportRow = z.infer<typeof importRowSchema>;

/** The contact a row is about; the journal and the duplicate check use this key. */
export const importRowKey = (row: Pick<ImportRow, 'campaignId' | 'contactId'>) => `${row.campaignId}/${row.contactId}`;

/** A row that never reaches the tenant, with the reason the reading engine gave. */
export const heldBackRowSchema = z.object({
  line: z.number().int().min(1),
  campaignId: z.string(),
  contactId: z.string(),
  outcomeCode: z.string(),
  kind: z.enum(['rejected', 'superseded']),
  reason: z.string(),
});
export type HeldBackRow = z.infer<typeof heldBackRowSchema>;

/** Something the reading engine changed in a row it sends (spaces trimmed around an identifier); the report lists it. */
export const rowNoticeSchema = z.object({
  line: z.number().int().min(1),
  campaignId: z.string(),
  contactId: z.string(),
  message: z.string(),
});
export type RowNotice = z.infer<typeof rowNoticeSchema>;

/** Everything needed to run (and, after a crash, resume) one import without the original file. */
export const importJobSpecSchema = z.object({
  contentHash: z.string().min(1),
  fileName: z.string(),
  rows: z.array(importRowSchema),
  heldBack: z.array(heldBackRowSchema),
  notices: z.array(rowNoticeSchema).optional(),
});
export type ImportJobSpec = z.infer<typeof importJobSpecSchema>;

export const importJobStates = [
  'running',
  'paused',
  'waiting_for_tenant',
  'finished',
  'cancelled',
  /** Stopped by a quit or crash; resumes on the next start. */
  'interrupted',
] as const;
export type ImportJobState = (typeof importJobStates)[number];

/** What each row ended as. `noop`: the contact already had that outcome. */
export const rowResults = ['applied', 'noop', 'rejected', 'superseded', 'failed'] as const;
export type RowResult = (typeof rowResults)[number];

export const importCountsSchema = z.object({
  applied: z.number().int(),
  noop: z.number().int(),
  rejected: z.number().int(),
  superseded: z.number().int(),
  failed: z.number().int(),
  /** Rows sent to the tenant but not finished yet (including busy contacts waiting for another try). */
  pending: z.number().int(),
  /** Of the pending rows, those whose contact was busy in the dialer and will be retried. */
  waitingBusy: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const emptyImportCounts = (): ImportCounts => ({
  applied: 0,
  noop: 0,
  rejected: 0,
  superseded: 0,
  failed: 0,
  pending: 0,
  waitingBusy: 0,
});

export const importJobSummarySchema = z.object({
  id: z.string(),
  contentHash: z.string(),
  fileName: z.string(),
  state: z.enum(importJobStates),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Rows in the file that count: to apply plus held back. */
  total: z.number().int(),
  counts: importCountsSchema,
});
export type ImportJobSummary = z.infer<typeof importJobSummarySchema>;
