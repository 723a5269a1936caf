import { z } from 'zod';

/** A bulk pause or resume under way: campaigns answered so far. */
export const campaignActionProgressSchema = z.object({
  actionId: z.string(),
  target: z.enum(['running', 'paused']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type CampaignActionProgress = z.infer<typeof campaignActionProgressSchema>;
