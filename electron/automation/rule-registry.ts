import type { AnyAutomationRule } from './automation-rule';
import { createWeatherRule } from './weather/weather-rule';

/** Every rule this build runs; the engine, the app and the command line take them from here. */
export function automationRules(): AnyAutomationRule[] {
  return [createWeatherRule()];
}
