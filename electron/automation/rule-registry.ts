import type { AnyAutomationRule } from './automation-rule';
import { clearCapacityHold, createCapacityRule } from './capacity/capacity-rule';
import { createWeatherRule } from './weather/weather-rule';

/** Every rule this build runs; the engine, the app and the command line take them from here. */
export function automationRules(): AnyAutomationRule[] {
  // The capacity rule's hold (a person's override it backs off from) is cleared by the Automation screen's Clear override.
  return [createWeatherRule(), { ...createCapacityRule(), clearHold: clearCapacityHold }];
}
