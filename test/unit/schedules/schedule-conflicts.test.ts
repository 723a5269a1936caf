import { describe, expect, it } from 'vitest';
import { detectScheduleConflicts, type ConflictCampaign } from '../../../shared/schedules/schedule-conflicts';

const fromMs = Date.parse('2027-03-01T00:00:00Z');
const campaign = (id: string, contactListId: string, timezone: string, cronExpression: string, windowMinutes: number): ConflictCampaign => ({
  id,
  name: `Campaign ${id}`,
  contactListId,
  schedule: { timezone, cronExpression, windowMinutes },
});

describe('schedule conflicts', () => {
  it('finds overlapping windows of campaigns sharing a contact list, across zones, in absolute time', () => {
    const conflicts = detectScheduleConflicts(
      [campaign('a', 'cl-1', 'America/New_York', '0 9 * * 1', 180), campaign('b', 'cl-1', 'America/Chicago', '0 10 * * 1', 120)],
      [],
      { fromMs, days: 7 },
    );
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ first: { id: 'a' }, second: { id: 'b' }, reasons: ['SHARED_CONTACT_LIST'], sharedAgents: 0 });
    expect(conflicts[0]?.overlaps).toEqual([
      {
        start: '2027-03-01T16:00:00.000Z',
        end: '2027-03-01T17:00:00.000Z',
        first: { timezone: 'America/New_York', localStart: '2027-03-01T11:00:00-05:00', localEnd: '2027-03-01T12:00:00-05:00' },
        second: { timezone: 'America/Chicago', localStart: '2027-03-01T10:00:00-06:00', localEnd: '2027-03-01T11:00:00-06:00' },
      },
    ]);
  });

  it('does not count touching windows: one ends at 12:00 as the other opens at 12:00', () => {
    const conflicts = detectScheduleConflicts(
      [campaign('a', 'cl-1', 'America/Chicago', '0 9 * * *', 180), campaign('b', 'cl-1', 'America/Chicago', '0 12 * * *', 120)],
      [],
      { fromMs, days: 14 },
    );
    expect(conflicts).toEqual([]);
  });

  it('never compares cron strings: the same text in two zones does not overlap, different text at one instant does', () => {
    const sameText = detectScheduleConflicts(
      [campaign('a', 'cl-1', 'America/New_York', '0 9 * * 1', 60), campaign('b', 'cl-1', 'America/Los_Angeles', '0 9 * * 1', 60)],
      [],
      { fromMs, days: 7 },
    );
    expect(sameText).toEqual([]);
    const sameInstant = detectScheduleConflicts(
      [campaign('a', 'cl-1', 'America/New_York', '0 12 * * 1', 60), campaign('b', 'cl-1', 'America/Los_Angeles', '0 9 * * 1', 60)],
      [],
      { fromMs, days: 7 },
    );
    expect(sameInstant[0]?.overlaps).toHaveLength(1);
  });

  it('relates campaigns through agents whose skills name both, and ignores unrelated campaigns', () => {
    const campaigns = [
      campaign('a', 'cl-1', 'America/Chicago', '0 9 * * 1-5', 480),
      campaign('b', 'cl-2', 'America/Chicago', '0 13 * * 1-5', 240),
      campaign('c', 'cl-3', 'America/Chicago', '0 9 * * 1-5', 480),
    ];
    const conflicts = detectScheduleConflicts(
      campaigns,
      [
        { userId: 'u1', skills: ['a', 'b'] },
        { userId: 'u2', skills: ['b', 'a'] },
        { userId: 'u3', skills: ['c'] },
      ],
      { fromMs, days: 7 },
    );
    expect(conflicts.map((c) => [c.first.id, c.second.id, c.reasons, c.sharedAgents, c.overlaps.length])).toEqual([['a', 'b', ['SHARED_AGENTS'], 2, 5]]);
  });
});
