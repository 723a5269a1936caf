import type { CapacityCampaignMemory } from './capacity-memory';

/** What the rule does with one campaign this tick, before any write. */
export type CapacityPlan =
  /** A person's value stands: the rule backs off. */
  | { kind: 'hold'; personValue: number; lastWritten: number; since: string }
  | { kind: 'unchanged'; value: number }
  | { kind: 'write'; from: number; to: number };

/**
 * Rules and people never fight. The rule remembers the value it last wrote per campaign;
 * when the tenant's value differs from it, a person changed the limit since, and the rule
 * holds off (from now, or since the hold began) until the hold is cleared or the person sets
 * the rule's value back. A campaign the rule never wrote is its to pace. Otherwise it writes
 * only when its target differs from the tenant's value.
 */
export function planCapacity(entry: CapacityCampaignMemory | undefined, tenantValue: number, target: number, nowIso: string): CapacityPlan {
  if (entry && tenantValue !== entry.lastWritten) {
    return { kind: 'hold', personValue: tenantValue, lastWritten: entry.lastWritten, since: entry.hold?.since ?? nowIso };
  }
  return target === tenantValue ? { kind: 'unchanged', value: tenantValue } : { kind: 'write', from: tenantValue, to: target };
}

/** The sentence a held campaign's decision gives. */
export const holdReason = (personValue: number, lastWritten: number, since: string) =>
  `A person set rules.maxConcurrentCalls to ${personValue} (the rule last wrote ${lastWritten}); the rule keeps the person's value since ${since} until the hold is cleared or it is set back to ${lastWritten}.`;

/** The memory entry after the rule wrote, or found, `value`. */
export const confirmedEntry = (value: number, at: string, campaignName: string | undefined): CapacityCampaignMemory => ({
  lastWritten: value,
  at,
  ...(campaignName !== undefined ? { campaignName } : {}),
});

/** The memory entry of a held campaign: the rule's last value is kept, so setting it back releases the hold. */
export const heldEntry = (
  previous: CapacityCampaignMemory | undefined,
  lastWritten: number,
  personValue: number,
  since: string,
  campaignName: string | undefined,
): CapacityCampaignMemory => ({
  lastWritten,
  at: previous?.at ?? since,
  ...(campaignName !== undefined ? { campaignName } : {}),
  hold: { personValue, since },
});
