import type { DemoWeatherAlert } from './public-types';

/** Contract §6, the simple format. */
export function simpleAlertFeed(alerts: readonly DemoWeatherAlert[]) {
  return {
    alerts: alerts.map((alert) => ({
      id: alert.id,
      event: alert.event,
      severity: alert.severity,
      regions: [...alert.regions],
      effective: alert.effective,
      expires: alert.expires,
      ...(alert.ends !== undefined ? { ends: alert.ends } : {}),
      ...(alert.status !== undefined ? { status: alert.status } : {}),
      ...(alert.messageType !== undefined ? { messageType: alert.messageType } : {}),
      ...(alert.references !== undefined ? { references: [...alert.references] } : {}),
    })),
  };
}

/** `US-TX` → two forecast zones of the state, e.g. `TXZ211`, `TXZ212` (the number is made up). */
const zonesOf = (region: string) => {
  const state = region.replace(/^US-/i, '').toUpperCase();
  return [`${state}Z211`, `${state}Z212`];
};

/** Contract §6, the US National Weather Service `/alerts/active` GeoJSON, with the properties a real feed carries. */
export function nwsAlertFeed(alerts: readonly DemoWeatherAlert[], now: number) {
  const base = 'https://api.weather.gov/alerts';
  return {
    '@context': ['https://geojson.org/geojson-ld/geojson-context.jsonld', { '@version': '1.1', '@vocab': 'https://api.weather.gov/ontology#' }],
    type: 'FeatureCollection',
    features: alerts.map((alert) => ({
      id: `${base}/${alert.id}`,
      type: 'Feature',
      geometry: null,
      properties: {
        '@id': `${base}/${alert.id}`,
        '@type': 'wx:Alert',
        id: alert.id,
        areaDesc: alert.regions.map((region) => `${region} (demo zones)`).join('; '),
        geocode: { SAME: [], UGC: alert.regions.flatMap(zonesOf) },
        affectedZones: alert.regions.flatMap(zonesOf).map((zone) => `https://api.weather.gov/zones/forecast/${zone}`),
        references: (alert.references ?? []).map((identifier) => ({
          '@id': `${base}/${identifier}`,
          identifier,
          sender: 'w-nws.webmaster@noaa.gov',
          sent: alert.effective,
        })),
        sent: alert.effective,
        effective: alert.effective,
        onset: alert.effective,
        expires: alert.expires,
        ends: alert.ends ?? null,
        status: alert.status ?? 'Actual',
        messageType: alert.messageType ?? 'Alert',
        category: 'Met',
        severity: alert.severity,
        certainty: 'Likely',
        urgency: 'Expected',
        event: alert.event,
        sender: 'w-nws.webmaster@noaa.gov',
        senderName: 'NWS Demo Office',
        headline: alert.headline ?? alert.event,
        description: 'A scripted alert of the CXone Outbound Console demo tenant.',
        instruction: null,
        response: alert.messageType === 'Cancel' ? 'AllClear' : 'Prepare',
      },
    })),
    title: 'Current watches, warnings, and advisories (demo tenant)',
    updated: new Date(now).toISOString(),
  };
}
