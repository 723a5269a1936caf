import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { minutesOfClock } from '../../../shared/schedules/local-time';
import { nanpAreaCodes, areaCodeOf } from '../../../shared/schedules/nanp-area-codes';
import { federalCallingRule, stateCallingRules } from '../../../shared/schedules/state-calling-rules';
import { publicHolidayOn } from '../../../shared/schedules/state-holidays';

describe('calling-rule and area-code tables', () => {
  it('covers the states the issue names, each with a source, a review date and well-formed hours', () => {
    const required = ['FL', 'OK', 'MD', 'AL', 'LA', 'MS', 'RI', 'UT', 'PA', 'TX', 'CT', 'KY', 'MA', 'MI', 'MN', 'NV', 'NM', 'WA'];
    expect(stateCallingRules.map((rule) => rule.state)).toEqual(expect.arrayContaining(required));
    expect(new Set(stateCallingRules.map((rule) => rule.state)).size).toBe(stateCallingRules.length);
    for (const rule of [federalCallingRule, ...stateCallingRules]) {
      expect(rule.source.length).toBeGreaterThan(10);
      expect(rule.reviewed).toBe('2026-12-02');
      for (const hours of [rule.hours.weekdays, rule.hours.saturday, rule.hours.sunday]) {
        if (!hours) continue;
        const start = minutesOfClock(hours.start);
        const end = minutesOfClock(hours.end);
        expect(start !== null && end !== null && start < end).toBe(true);
        // No state allows more than the federal floor.
        expect(start).toBeGreaterThanOrEqual(8 * 60);
        expect(end).toBeLessThanOrEqual(21 * 60);
      }
    }
    for (const state of ['FL', 'OK', 'MD']) expect(stateCallingRules.find((rule) => rule.state === state)?.callsPer24Hours).toBe(3);
    for (const state of ['AL', 'LA', 'MS']) expect(stateCallingRules.find((rule) => rule.state === state)?.hours.sunday).toBeNull();
  });

  it('names a statute or regulation in every source, and says in a note what the review could not confirm', () => {
    for (const rule of [federalCallingRule, ...stateCallingRules]) {
      expect(rule.source).toMatch(/§|CFR|CMR/);
      if (rule.note !== undefined) expect(rule.note).toMatch(/confirm/i);
    }
    // Rows whose citation was read in the statute's or regulation's own text carry no note.
    const confirmed = stateCallingRules.filter((rule) => rule.note === undefined).map((rule) => rule.state);
    expect(confirmed.sort()).toEqual(['FL', 'MA', 'UT', 'WA']);
    expect(stateCallingRules.find((rule) => rule.state === 'FL')?.source).toMatch(/501\.616\(6\)\(b\).*24-hour/);
  });

  it('maps each area code to one state and a real IANA zone', () => {
    expect(nanpAreaCodes.size).toBeGreaterThan(300);
    for (const home of nanpAreaCodes.values()) expect(IANAZone.isValidZone(home.timezone)).toBe(true);
    expect(nanpAreaCodes.get('850')).toEqual({ state: 'FL', timezone: 'America/Chicago' });
    expect(nanpAreaCodes.get('602')).toEqual({ state: 'AZ', timezone: 'America/Phoenix' });
    expect(areaCodeOf('+15125550100')).toBe('512');
    expect(areaCodeOf('+442071234567')).toBeNull();
  });

  it('reads state holidays from date-holidays', () => {
    expect(publicHolidayOn('LA', '2027-02-09')).toBe('Mardi Gras');
    expect(publicHolidayOn('RI', '2027-02-09')).toBeUndefined();
  });
});
