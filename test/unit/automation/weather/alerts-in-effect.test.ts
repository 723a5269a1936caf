import { describe, expect, it } from 'vitest';
import { alertsInEffect } from '../../../../shared/automation/weather/alerts-in-effect';
import { severityRank } from '../../../../shared/automation/weather/alert-severity';
import type { WeatherAlert } from '../../../../shared/automation/weather/weather-alert';

const now = Date.parse('2027-01-10T12:00:00Z');
const hour = 3_600_000;
const alert = (changes: Partial<WeatherAlert>): WeatherAlert => ({
  id: 'a',
  severity: 'Severe',
  regions: ['US-TX'],
  effectiveAt: now - hour,
  endsAt: now + hour,
  status: 'Actual',
  messageType: 'Alert',
  references: [],
  ...changes,
});
const ids = (alerts: WeatherAlert[]) => alerts.map((a) => a.id);

describe('which alerts are in effect', () => {
  it('keeps real alerts with effective ≤ now < end', () => {
    const alerts = [
      alert({ id: 'now' }),
      alert({ id: 'from-now', effectiveAt: now }),
      alert({ id: 'later', effectiveAt: now + 1 }),
      alert({ id: 'ended', endsAt: now }),
      alert({ id: 'open-ended', effectiveAt: null, endsAt: null }),
      alert({ id: 'test', status: 'Test' }),
      alert({ id: 'exercise', status: 'Exercise' }),
    ];
    expect(ids(alertsInEffect(alerts, now, 'Severe'))).toEqual(['now', 'from-now', 'open-ended']);
  });

  it('applies the severity threshold; Unknown and unheard-of words are below every one', () => {
    const alerts = ['Minor', 'Moderate', 'Severe', 'Extreme', 'Unknown', 'Catastrophic'].map((severity) => alert({ id: severity, severity }));
    expect(ids(alertsInEffect(alerts, now, 'Severe'))).toEqual(['Severe', 'Extreme']);
    expect(ids(alertsInEffect(alerts, now, 'Minor'))).toEqual(['Minor', 'Moderate', 'Severe', 'Extreme']);
    expect(severityRank('extreme')).toBeGreaterThan(severityRank('Severe'));
  });

  it('ends an alert with a real Cancel referencing it; the Cancel itself is not an alert; a test Cancel ends nothing', () => {
    const cancel = alert({ id: 'c', messageType: 'Cancel', references: ['a'] });
    expect(ids(alertsInEffect([alert({}), cancel], now, 'Severe'))).toEqual([]);
    expect(ids(alertsInEffect([alert({}), { ...cancel, status: 'Test' }], now, 'Severe'))).toEqual(['a']);
  });

  it('lets an Update replace the message it references: an update that ends the alert earlier ends it', () => {
    const update = alert({ id: 'u', messageType: 'Update', references: ['a'], endsAt: now });
    expect(ids(alertsInEffect([alert({}), update], now, 'Severe'))).toEqual([]);
    expect(ids(alertsInEffect([alert({}), { ...update, endsAt: now + 1 }], now, 'Severe'))).toEqual(['u']);
  });
});
