import * as z from 'zod';
import { outcomeCodeSchema } from '../cxone/schemas';

/**
 * An Admin API tenant's map from the contract's outcome codes (what a disposition file says) to
 * the tenant's dispositions (by id). Codes it does not name fall back to matching the
 * disposition's name, which is also what the mapping is proposed as.
 */
export const outcomeDispositionMappingSchema = z.record(outcomeCodeSchema, z.string().trim().min(1, 'choose a disposition'));
export type OutcomeDispositionMapping = z.infer<typeof outcomeDispositionMappingSchema>;

export const tenantDispositionSchema = z.object({ id: z.string(), name: z.string() });
export type TenantDisposition = z.infer<typeof tenantDispositionSchema>;

/** What Settings shows: the tenant's dispositions, the saved mapping (null: none saved) and the proposal. */
export const outcomeDispositionViewSchema = z.object({
  profileId: z.string(),
  dispositions: z.array(tenantDispositionSchema),
  saved: outcomeDispositionMappingSchema.nullable(),
  /** By name: each disposition under the outcome code its name spells. */
  proposed: outcomeDispositionMappingSchema,
  /** Entries of the saved mapping the tenant no longer backs, one sentence each. */
  problems: z.array(z.string()),
});
export type OutcomeDispositionView = z.infer<typeof outcomeDispositionViewSchema>;

export interface MappingProblem {
  outcomeCode: string;
  message: string;
}

/** One sentence per code mapped to a disposition the tenant does not have, naming both. */
export function mappingProblems(mapping: OutcomeDispositionMapping, dispositions: readonly TenantDisposition[]): MappingProblem[] {
  const known = new Set(dispositions.map((disposition) => disposition.id));
  return Object.entries(mapping)
    .filter(([, dispositionId]) => !known.has(dispositionId))
    .map(([outcomeCode, dispositionId]) => ({
      outcomeCode,
      message: `Outcome ${outcomeCode} is mapped to disposition ${dispositionId}, which this tenant does not have; choose one of its dispositions.`,
    }));
}
