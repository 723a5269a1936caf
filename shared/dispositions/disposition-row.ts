import * as z from 'zod';
import { fieldSchema } from './disposition-fields';

/**
 * A valid row of a disposition file, ready to be sent as a PATCH (contract §4.6).
 * It is a superset of `ImportRow` (import-job.ts), so it can be handed to the import engine as is.
 */
export const dispositionRowSchema = z.object({
  /** The file's physical line the record starts on. */
  line: z.number().int().min(1),
  contactId: z.string().min(1),
  campaignId: z.string().min(1),
  outcomeCode: z.string().min(1),
  agentId: z.string().min(1),
  notes: z.string().optional(),
  /** ISO-8601 in UTC; the scan's "now" when the file has no timestamp for the row. */
  dispositionTimestamp: z.string().min(1),
  customFields: z.record(z.string(), z.string()).optional(),
  /** Hash of everything but the line: equal hashes mean identical rows. */
  rowHash: z.string().min(1),
});
export type DispositionRow = z.infer<typeof dispositionRowSchema>;

export const rowProblemSchema = z.object({
  line: z.number().int().min(1),
  /** The file's header the problem is in; empty when no column is involved (a missing column, a ragged row). */
  column: z.string(),
  /** The field the problem is about; null when it is about the row as a whole (ragged row, undecodable text). */
  field: fieldSchema.nullable(),
  /** Human: what is wrong and what is expected. */
  message: z.string(),
});
export type RowProblem = z.infer<typeof rowProblemSchema>;

/** `notices`: what the row as sent differs in from the file (spaces trimmed around an identifier). */
export type RowValidation = { ok: true; row: DispositionRow; notices?: string[] } | { ok: false; problems: RowProblem[] };
