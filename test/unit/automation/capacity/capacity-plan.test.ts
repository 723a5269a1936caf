import { describe, expect, it } from 'vitest';
import { capacityHolds, capacityMemorySchema, clearCapacityHold, type CapacityMemory } from '../../../../shared/automation/capacity/capacity-memory';
import { confirmedEntry, heldEntry, holdReason, planCapacity } from '../../../../shared/automation/capacity/capacity-plan';

const now = '2026-12-02T12:00:00.000Z';
const earlier = '2026-12-02T11:00:00.000Z';

describe('the capacity plan: rules and people never fight', () => {
  it('paces a campaign it never wrote, writing only when the value differs', () => {
    expect(planCapacity(undefined, 12, 8, now)).toEqual({ kind: 'write', from: 12, to: 8 });
    expect(planCapacity(undefined, 8, 8, now)).toEqual({ kind: 'unchanged', value: 8 });
  });

  it('writes again while the tenant still has the value it last wrote', () => {
    expect(planCapacity(confirmedEntry(8, earlier, 'A'), 8, 5, now)).toEqual({ kind: 'write', from: 8, to: 5 });
  });

  it('holds off when a person changed the value since its last write, from now', () => {
    expect(planCapacity(confirmedEntry(8, earlier, 'A'), 20, 5, now)).toEqual({ kind: 'hold', personValue: 20, lastWritten: 8, since: now });
  });

  it('keeps holding from when the hold began, and follows the person if they change it again', () => {
    const held = heldEntry(confirmedEntry(8, earlier, 'A'), 8, 20, earlier, 'A');
    expect(planCapacity(held, 25, 5, now)).toEqual({ kind: 'hold', personValue: 25, lastWritten: 8, since: earlier });
  });

  it('releases the hold once the person sets the rule’s value back', () => {
    const held = heldEntry(confirmedEntry(8, earlier, 'A'), 8, 20, earlier, 'A');
    expect(planCapacity(held, 8, 5, now)).toEqual({ kind: 'write', from: 8, to: 5 });
  });

  it('names both values in the reason', () => {
    expect(holdReason(20, 8, earlier)).toMatch(/set rules\.maxConcurrentCalls to 20 \(the rule last wrote 8\)/);
  });
});

describe('the capacity memory', () => {
  const memory: CapacityMemory = {
    campaigns: {
      'c-1': heldEntry(confirmedEntry(8, earlier, 'Held one'), 8, 20, earlier, 'Held one'),
      'c-2': confirmedEntry(4, earlier, 'Free one'),
    },
  };

  it('lists held campaigns only, with the person’s value and since when', () => {
    expect(capacityHolds(memory)).toEqual([
      {
        campaignId: 'c-1',
        campaignName: 'Held one',
        what: 'rules.maxConcurrentCalls set to 20 by a person (the rule last wrote 8)',
        since: earlier,
        state: 'limit-by-person',
        personValue: 20,
      },
    ]);
  });

  it('clears a hold by forgetting the campaign, so the next tick paces it again', () => {
    const cleared = clearCapacityHold(memory, 'c-1');
    expect(cleared.campaigns['c-1']).toBeUndefined();
    expect(cleared.campaigns['c-2']).toEqual(memory.campaigns['c-2']);
    expect(capacityHolds(cleared)).toEqual([]);
    expect(planCapacity(cleared.campaigns['c-1'], 20, 5, now)).toEqual({ kind: 'write', from: 20, to: 5 });
    expect(memory.campaigns['c-1']?.hold).toBeDefined();
  });

  it('leaves a campaign without a hold as it is', () => {
    expect(clearCapacityHold(memory, 'c-2')).toBe(memory);
    expect(clearCapacityHold(memory, 'c-404')).toBe(memory);
  });

  it('reads an empty persisted memory, and refuses a negative value', () => {
    expect(capacityMemorySchema.parse({})).toEqual({ campaigns: {} });
    expect(capacityMemorySchema.safeParse({ campaigns: { 'c-1': { lastWritten: -1, at: now } } }).success).toBe(false);
  });
});
