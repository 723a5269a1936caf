import type { AlertSeverity } from '../automation-rules';
import { meetsSeverity } from './alert-severity';
import type { WeatherAlert } from './weather-alert';

/**
 * The alerts in effect at `now` at or above `threshold`: real ones (`status: Actual`), effective ≤ now < end,
 * not cancelled. A real `Cancel` message ends the alerts it references (and one of its own id) and is never in effect
 * itself; a real `Update` replaces the messages it references, so only its own times count.
 */
export function alertsInEffect(alerts: readonly WeatherAlert[], now: number, threshold: AlertSeverity): WeatherAlert[] {
  const isActual = (alert: WeatherAlert) => alert.status.toLowerCase() === 'actual';
  const isCancel = (alert: WeatherAlert) => alert.messageType.toLowerCase() === 'cancel';
  const replaced = new Set<string>();
  for (const alert of alerts) {
    if (!isActual(alert)) continue;
    if (isCancel(alert)) replaced.add(alert.id);
    if (isCancel(alert) || alert.messageType.toLowerCase() === 'update') for (const reference of alert.references) replaced.add(reference);
  }
  return alerts.filter(
    (alert) =>
      isActual(alert) &&
      !isCancel(alert) &&
      !replaced.has(alert.id) &&
      (alert.effectiveAt === null || alert.effectiveAt <= now) &&
      (alert.endsAt === null || now < alert.endsAt) &&
      meetsSeverity(alert.severity, threshold),
  );
}

/** Alerts in effect by the region they cover. */
export function alertsByRegion(alerts: readonly WeatherAlert[]): Map<string, WeatherAlert[]> {
  const byRegion = new Map<string, WeatherAlert[]>();
  for (const alert of alerts) {
    for (const region of alert.regions) byRegion.set(region, [...(byRegion.get(region) ?? []), alert]);
  }
  return byRegion;
}
