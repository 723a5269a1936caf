import * as z from 'zod';
import type { RuleHold } from '../automation-rules';

/** What the capacity rule remembers about one campaign between ticks. */
export const capacityCampaignMemorySchema = z.object({
  /** The `rules.maxConcurrentCalls` the rule last wrote, or found already right; a different tenant value means a person changed it. */
  lastWritten: z.number().int().min(0),
  /** When the rule wrote or confirmed it. */
  at: z.string(),
  campaignName: z.string().optional(),
  /** A person's value the rule backs off from, until the hold is cleared or the value is set back to `lastWritten`. */
  hold: z.object({ personValue: z.number().int().min(0), since: z.string() }).optional(),
});
export type CapacityCampaignMemory = z.infer<typeof capacityCampaignMemorySchema>;

export const capacityMemorySchema = z.object({
  campaigns: z.record(z.string(), capacityCampaignMemorySchema).default({}),
});
export type CapacityMemory = z.infer<typeof capacityMemorySchema>;

export const initialCapacityMemory = (): CapacityMemory => ({ campaigns: {} });

/**
 * Clears a person's override so the rule paces the campaign again from its next tick: the
 * campaign is forgotten, and the rule then treats the tenant's value as its starting point
 * and writes its own. A campaign without a hold is left as it is. Pure: returns a new memory.
 */
export function clearCapacityHold(memory: CapacityMemory, campaignId: string): CapacityMemory {
  const entry = memory.campaigns[campaignId];
  if (!entry?.hold) return memory;
  const campaigns = { ...memory.campaigns };
  delete campaigns[campaignId];
  return { ...memory, campaigns };
}

export type CapacityHold = RuleHold;

/** The campaigns where a person's value holds, for the Automation screen. */
export function capacityHolds(memory: CapacityMemory): CapacityHold[] {
  return Object.entries(memory.campaigns).flatMap(([campaignId, entry]) =>
    entry.hold
      ? [
          {
            campaignId,
            ...(entry.campaignName !== undefined ? { campaignName: entry.campaignName } : {}),
            what: `rules.maxConcurrentCalls set to ${entry.hold.personValue} by a person (the rule last wrote ${entry.lastWritten})`,
            since: entry.hold.since,
            state: 'limit-by-person' as const,
            personValue: entry.hold.personValue,
          },
        ]
      : [],
  );
}
