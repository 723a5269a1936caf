import * as z from 'zod';
import { campaignSchema } from '../cxone/schemas';
import { consoleErrorSchema } from '../errors';

/** A status change the console asked for and the tenant has not confirmed yet. */
export const pendingChangeSchema = z.object({ target: z.enum(['running', 'paused', 'completed']), since: z.string() });

export const campaignSnapshotSchema = z.object({
  campaigns: z.array(campaignSchema),
  /** When the list was last read completely from the tenant (null: never). */
  fetchedAt: z.string().nullable(),
  /** The last refresh's failure; the list shown is then as of fetchedAt, and the screen says so. */
  error: consoleErrorSchema.nullable(),
  refreshing: z.boolean(),
  pending: z.record(z.string(), pendingChangeSchema),
});
export type CampaignSnapshot = z.infer<typeof campaignSnapshotSchema>;
