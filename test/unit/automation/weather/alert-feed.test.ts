import { describe, expect, it } from 'vitest';
import { parseAlertFeed } from '../../../../shared/automation/weather/alert-feed';
import { regionOfUgc } from '../../../../shared/automation/weather/ugc-region';

const nwsFeature = (properties: Record<string, unknown>) => ({
  id: 'https://api.weather.gov/alerts/urn:oid:1',
  type: 'Feature',
  geometry: null,
  properties: {
    id: 'urn:oid:1',
    event: 'Winter Storm Warning',
    severity: 'Severe',
    status: 'Actual',
    messageType: 'Alert',
    effective: '2027-01-10T10:00:00-06:00',
    expires: '2027-01-10T18:00:00-06:00',
    ends: '2027-01-11T06:00:00-06:00',
    geocode: { SAME: ['048453'], UGC: ['TXZ211', 'TXZ212', 'OKZ001', 'GMZ250'] },
    ...properties,
  },
});

describe('the alerts feed, in both formats of contract §6', () => {
  it('reads the simple format, regions normalised, expires as the end', () => {
    const parsed = parseAlertFeed({ alerts: [{ id: 'a1', severity: 'Severe', regions: ['us-tx ', 'US-TX', 'US-OK'], expires: '2027-01-10T18:00:00Z' }] });
    expect(parsed).toEqual({
      ok: true,
      value: [
        {
          id: 'a1',
          severity: 'Severe',
          regions: ['US-TX', 'US-OK'],
          effectiveAt: null,
          endsAt: Date.parse('2027-01-10T18:00:00Z'),
          status: 'Actual',
          messageType: 'Alert',
          references: [],
        },
      ],
    });
  });

  it('reads the NWS GeoJSON: UGC zones to states (marine zones dropped), ends before expires, references kept', () => {
    const parsed = parseAlertFeed({ type: 'FeatureCollection', features: [nwsFeature({ references: [{ identifier: 'urn:oid:0', sender: 'x', sent: 'y' }] })] });
    expect(parsed.ok && parsed.value[0]).toEqual({
      id: 'urn:oid:1',
      event: 'Winter Storm Warning',
      severity: 'Severe',
      regions: ['US-TX', 'US-OK'],
      effectiveAt: Date.parse('2027-01-10T16:00:00Z'),
      endsAt: Date.parse('2027-01-11T12:00:00Z'),
      status: 'Actual',
      messageType: 'Alert',
      references: ['urn:oid:0'],
    });
  });

  it('takes expires as the end when an NWS alert has no ends', () => {
    const parsed = parseAlertFeed({ features: [nwsFeature({ ends: null })] });
    expect(parsed.ok && parsed.value[0]?.endsAt).toBe(Date.parse('2027-01-11T00:00:00Z'));
  });

  it('maps UGC codes of states and territories only', () => {
    expect(regionOfUgc('TXZ211')).toBe('US-TX');
    expect(regionOfUgc('flc086')).toBe('US-FL');
    expect(regionOfUgc('PRZ001')).toBe('US-PR');
    expect(regionOfUgc('ANZ535')).toBeNull();
    expect(regionOfUgc('TX')).toBeNull();
  });

  it.each([
    [[], 'not a JSON object'],
    ['text', 'not a JSON object'],
    [{ items: [] }, 'neither `alerts`'],
    [{ alerts: {} }, 'alerts: '],
    [{ alerts: [{ id: 'a', severity: 'Severe', regions: ['US-TX'], expires: 'soon' }] }, 'alerts[0].expires: is not a date-time'],
    [{ features: [nwsFeature({ status: undefined })] }, 'features[0].properties.status'],
    [{ features: [nwsFeature({ geocode: { UGC: 'TXZ211' } })] }, 'features[0].properties.geocode.UGC'],
  ])('refuses %j whole, naming where it is wrong', (document, named) => {
    const parsed = parseAlertFeed(document);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(named);
  });
});
