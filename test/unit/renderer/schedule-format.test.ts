import { describe, expect, it } from 'vitest';
import { wallTimeSpan } from '../../../renderer/features/schedules/schedule-format';

describe('a calling window as one short span', () => {
  it('writes the day and offset once when the window closes the same day at the same offset, and both ends otherwise', () => {
    expect(wallTimeSpan('2027-03-01T09:00:00-05:00', '2027-03-01T17:00:00-05:00')).toBe('Mon 2027-03-01 09:00–17:00 (-05:00)');
    expect(wallTimeSpan('2027-03-14T01:00:00-05:00', '2027-03-14T05:00:00-04:00')).toBe('Sun 2027-03-14 01:00 (-05:00) – 05:00 (-04:00)');
    expect(wallTimeSpan('2027-03-05T20:00:00-06:00', '2027-03-06T01:00:00-06:00')).toBe('Fri 2027-03-05 20:00 (-06:00) – Sat 2027-03-06 01:00 (-06:00)');
    expect(wallTimeSpan('not a time', '2027-03-06T01:00:00Z')).toBe('not a time – 2027-03-06T01:00:00Z');
  });
});
