import { z } from 'zod';

export const auditChainProblems = ['altered', 'removed', 'reordered', 'unparseable'] as const;
export type AuditChainProblem = (typeof auditChainProblems)[number];

/** What verifying the audit chain found: intact, or the first entry that was altered or removed. */
export const auditChainReportSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int().nonnegative() }),
  z.object({
    ok: z.literal(false),
    /** The first sequence number that is not as it was written (for 'removed': the first missing one). */
    firstBadSeq: z.number().int(),
    /** File name (within the audit folder) and 1-based line where the problem was seen. */
    file: z.string(),
    line: z.number().int(),
    problem: z.enum(auditChainProblems),
    /** One human sentence. */
    message: z.string(),
  }),
]);
export type AuditChainReport = z.infer<typeof auditChainReportSchema>;
