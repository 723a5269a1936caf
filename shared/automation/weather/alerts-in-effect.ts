import type { AlertSeverity } from '../automation-rules';
import { meetsSeverity } from './alert-severity';
import type { WeatherAlert } from './weather-alert';

/**
 * The alerts in effect at `now` at or above `threshold`: real ones (`status: Actual`), effective ≤ now < end,
 * not cancelled. A real `Cancel` message ends the alerts it references (and one of its own id); it is never in effect itself.
 */
export function alertsInEffect(alerts: readonly WeatherAlert[], now: number, threshold: AlertSeverity): WeatherAlert[] {
  const cancelled = new Set<string>();
  for (const alert of alerts) {
    if (alert.messageType.toLowerCase() !== 'cancel' || alert.status.toLowerCase() !== 'actual') continue;
    cancelled.add(alert.id);
    for (const reference of alert.references) cancelled.add(reference);
  }
  return alerts.filter(
    (alert) =>
      alert.status.toLowerCase() === 'actual' &&
      alert.messageType.toLowerCase() !== 'cancel' &&
      !cancelled.has(alert.id) &&
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
