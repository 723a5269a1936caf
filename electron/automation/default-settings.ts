import type { AutomationRuleId } from '../../shared/automation/automation-rules';

/** The National Weather Service's feed of active alerts (GeoJSON), the weather rule's feed on a real tenant. */
export const nwsActiveAlertsUrl = 'https://api.weather.gov/alerts/active';

/** The demo tenant serves a scripted alerts feed beside its API, so the weather rule can be tried without the internet. */
export const demoAlertsUrl = (demoBaseUrl: string): string => `${demoBaseUrl.replace(/\/+$/, '')}/demo/alerts/nws`;

/** What a rule's settings are before anyone saved any; every rule starts disabled (a Dry run shows what it would do). */
export function defaultSettingsInput(ruleId: AutomationRuleId, tenant: { isDemo: boolean; apiBaseUrl: string }): Record<string, unknown> {
  if (ruleId === 'weather') return { alertsUrl: tenant.isDemo ? demoAlertsUrl(tenant.apiBaseUrl) : nwsActiveAlertsUrl };
  return {};
}
