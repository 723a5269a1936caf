import * as z from 'zod';

/**
 * 'torn': the last line was cut short by a crash while writing (the next append keeps it aside);
 * 'missing': entries the log's head or a checkpoint says were written are in no file (files or the folder deleted).
 */
export const auditChainProblems = ['altered', 'removed', 'reordered', 'unparseable', 'torn', 'missing'] as const;
export type AuditChainProblem = (typeof auditChainProblems)[number];

/** Where the kept history begins when older entries were removed on purpose (a retention run, or rotation by older versions). */
export const auditKeptFromSchema = z.object({
  seq: z.number().int().positive(),
  removedBy: z.enum(['retention', 'rotation']),
  /** When the older entries were removed (the checkpoint's time), when known. */
  at: z.string().optional(),
});
export type AuditKeptFrom = z.infer<typeof auditKeptFromSchema>;

/** What verifying the audit chain found: intact, or the first entry that was altered or removed. */
export const auditChainReportSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int().nonnegative(), keptFrom: auditKeptFromSchema.optional() }),
  z.object({
    ok: z.literal(false),
    /** The first sequence number that is not as it was written (for 'removed': the first missing one). */
    firstBadSeq: z.number().int(),
    /** File name (within the audit folder) and 1-based line where the problem was seen (0: no line, e.g. a missing file). */
    file: z.string(),
    line: z.number().int(),
    problem: z.enum(auditChainProblems),
    /** One human sentence. */
    message: z.string(),
  }),
]);
export type AuditChainReport = z.infer<typeof auditChainReportSchema>;
