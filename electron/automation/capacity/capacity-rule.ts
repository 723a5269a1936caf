import { capacityRuleSettingsSchema, type CapacityRuleSettings } from '../../../shared/automation/automation-rules';
import {
  capacityHolds,
  capacityMemorySchema,
  clearCapacityHold,
  initialCapacityMemory,
  type CapacityMemory,
} from '../../../shared/automation/capacity/capacity-memory';
import type { AutomationRule, RuleTickContext } from '../automation-rule';
import { createCapacityTargets } from './capacity-targets';
import { capacityTick } from './capacity-tick';

export type { CapacityMemory };
/** The engine's automation:clearHold for this rule: a pure function on the memory (persist what it returns). */
export { clearCapacityHold };

/**
 * Capacity-based pacing (issue 16, seed 004): sets each running campaign's
 * `rules.maxConcurrentCalls` from the agents available for it, and backs off where a person
 * set the value by hand since the rule's last write.
 */
export function createCapacityRule(): AutomationRule<CapacityRuleSettings, CapacityMemory> {
  const targets = createCapacityTargets();
  // Built before it is returned: `clearHold` is the engine's optional hook for automation:clearHold.
  const rule = {
    id: 'capacity' as const,
    title: 'Capacity-based pacing',
    settingsSchema: capacityRuleSettingsSchema,
    memorySchema: capacityMemorySchema,
    initialMemory: initialCapacityMemory,
    holds: capacityHolds,
    clearHold: clearCapacityHold,
    tick: (context: RuleTickContext<CapacityRuleSettings, CapacityMemory>) => capacityTick(context, targets),
  };
  return rule;
}
