import { describe, expect, it } from 'vitest';
import type { DncRule } from '../../../shared/cxone/schemas';
import { checkSchedule, type GateInput, type GateVerdict } from '../../../shared/schedules/compliance-gate';
import type { GateContact } from '../../../shared/schedules/contact-home';
import { proposeScheduleClip } from '../../../shared/schedules/schedule-clip';

const allDncRules: DncRule[] = [{ type: 'FCC_MIN_TIME' }, { type: 'FCC_MAX_TIME' }, { type: 'STATE_DNC' }];
const many = (count: number, contact: GateContact): GateContact[] => Array.from({ length: count }, () => contact);

function verdictOf(overrides: Partial<GateInput> & Pick<GateInput, 'schedule' | 'contacts'>, from = '2027-03-01', days = 14): GateVerdict {
  const result = checkSchedule({ range: { from, days }, dncRules: allDncRules, dncListId: 'dnc-01', dncList: { id: 'dnc-01', state: 'ACTIVE' }, ...overrides });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.verdict;
}

const brief = (verdict: GateVerdict) => verdict.violations.map((v) => [v.rule, v.timezone, v.state, v.contacts, v.localStart, v.localEnd, v.firstDate]);

describe('compliance gate', () => {
  it('passes a window legal in New York and flags the part of it before 08:00 in Los Angeles', () => {
    const verdict = verdictOf({
      schedule: { timezone: 'America/New_York', cronExpression: '0 9 * * 1-5', windowMinutes: 480 },
      contacts: [...many(5, { phone: '+12125550100', timezone: 'America/New_York' }), ...many(3, { phone: '+12135550100', timezone: 'America/Los_Angeles' })],
    });
    expect(verdict.compliant).toBe(false);
    expect(brief(verdict)).toEqual([['FEDERAL_HOURS', 'America/Los_Angeles', 'CA', 3, '06:00', '08:00', '2027-03-01']]);
    expect(verdict.windows).toHaveLength(10);
    expect(verdict.windows[0]).toEqual({ start: '2027-03-01T09:00:00-05:00', end: '2027-03-01T17:00:00-05:00' });
    expect(verdict.clip).toEqual([
      { timezone: 'America/Los_Angeles', contacts: 3, localStart: '08:00', localEnd: '14:00', minutes: 360, skipDates: [] },
      { timezone: 'America/New_York', contacts: 5, localStart: '09:00', localEnd: '17:00', minutes: 480, skipDates: [] },
    ]);
  });

  it('is compliant when every group lives the window inside its hours', () => {
    const verdict = verdictOf({
      schedule: { timezone: 'America/Chicago', cronExpression: '0 10 * * 1-5', windowMinutes: 360 },
      contacts: [...many(2, { phone: '+12125550100', timezone: 'America/New_York' }), { phone: '+15125550100', timezone: 'America/Chicago' }],
    });
    expect(verdict).toMatchObject({ compliant: true, violations: [], unknownTimezoneContacts: 0 });
  });

  it('sees Arizona an hour behind Denver in summer and level with it in winter', () => {
    const schedule = { timezone: 'America/Denver', cronExpression: '0 8 * * 1-5', windowMinutes: 13 * 60 };
    const contacts = [
      { phone: '+16025550100', timezone: 'America/Phoenix' },
      { phone: '+13035550100', timezone: 'America/Denver' },
    ];
    expect(brief(verdictOf({ schedule, contacts }, '2027-07-05', 5))).toEqual([['FEDERAL_HOURS', 'America/Phoenix', 'AZ', 1, '07:00', '08:00', '2027-07-05']]);
    expect(verdictOf({ schedule, contacts }, '2027-01-04', 5).compliant).toBe(true);
  });

  it('follows both DST changes: New York springs forward two weeks before London', () => {
    const verdict = verdictOf(
      {
        schedule: { timezone: 'America/New_York', cronExpression: '30 16 * * *', windowMinutes: 60 },
        contacts: [{ phone: '+442071234567', timezone: 'Europe/London' }],
      },
      '2027-03-08',
      21,
    );
    expect(brief(verdict)).toEqual([
      ['FEDERAL_HOURS', 'Europe/London', null, 1, '21:30', '22:30', '2027-03-08'],
      ['FEDERAL_HOURS', 'Europe/London', null, 1, '21:00', '21:30', '2027-03-14'],
    ]);
  });

  it('applies a state stricter than the federal rule: Florida stops at 20:00', () => {
    const verdict = verdictOf({
      schedule: { timezone: 'America/New_York', cronExpression: '0 8 * * 1-5', windowMinutes: 13 * 60 },
      contacts: [...many(4, { phone: '+13055550100', timezone: 'America/New_York' }), { phone: '+12125550100', timezone: 'America/New_York' }],
    });
    expect(brief(verdict)).toEqual([['STATE_HOURS', 'America/New_York', 'FL', 4, '20:00', '21:00', '2027-03-01']]);
    expect(verdict.violations[0]?.source).toMatch(/501\.616/);
    expect(verdict.clip).toEqual([{ timezone: 'America/New_York', contacts: 5, localStart: '08:00', localEnd: '20:00', minutes: 720, skipDates: [] }]);
  });

  it('bans Sundays in Louisiana and holds Texas to noon on Sundays', () => {
    const verdict = verdictOf({
      schedule: { timezone: 'America/Chicago', cronExpression: '0 10 * * *', windowMinutes: 120 },
      contacts: [
        { phone: '+15045550100', timezone: 'America/Chicago' },
        { phone: '+15125550100', timezone: 'America/Chicago' },
      ],
    });
    expect(brief(verdict)).toEqual([
      ['STATE_HOURS', 'America/Chicago', 'TX', 1, '10:00', '12:00', '2027-03-07'],
      ['STATE_SUNDAY', 'America/Chicago', 'LA', 1, '10:00', '12:00', '2027-03-07'],
    ]);
    expect(verdict.clip[0]).toMatchObject({ timezone: 'America/Chicago', localStart: '10:00', localEnd: '12:00', skipDates: ['2027-03-07', '2027-03-14'] });
  });

  it('bans a state public holiday: Rhode Island on Labor Day', () => {
    const verdict = verdictOf(
      {
        schedule: { timezone: 'America/New_York', cronExpression: '0 10 * * 1-5', windowMinutes: 120 },
        contacts: [{ phone: '+14015550100', timezone: 'America/New_York' }],
      },
      '2027-08-30',
      14,
    );
    expect(brief(verdict)).toEqual([['STATE_HOLIDAY', 'America/New_York', 'RI', 1, '10:00', '12:00', '2027-09-06']]);
    expect(verdict.violations[0]?.message).toMatch(/Labor Day/);
  });

  it('requires the DNC rules and an ACTIVE DNC list, naming the field to fix', () => {
    const result = checkSchedule({
      schedule: { timezone: 'America/Chicago', cronExpression: '0 10 * * 1-5', windowMinutes: 60 },
      range: { from: '2027-03-01', days: 14 },
      dncRules: [{ type: 'FCC_MIN_TIME' }, { type: 'FCC_MAX_TIME' }],
      dncListId: 'dnc-03',
      dncList: { id: 'dnc-03', state: 'INACTIVE' },
      contacts: [{ phone: '+15125550100', timezone: 'America/Chicago' }],
    });
    expect(result.ok && result.verdict.violations.map((v) => [v.rule, v.field, v.contacts])).toEqual([
      ['DNC_RULE', 'dncRules', 1],
      ['DNC_LIST', 'dncListId', 1],
    ]);
    const missing = checkSchedule({
      ...{ schedule: { timezone: 'UTC', cronExpression: '0 10 * * *' }, range: { from: '2027-03-01', days: 1 } },
      dncRules: allDncRules,
      dncListId: null,
      dncList: null,
      contacts: [],
    });
    expect(missing.ok && missing.verdict.violations.map((v) => v.message)).toEqual(['The campaign has no DNC list; set dncListId to an ACTIVE list.']);
  });

  it('derives a missing zone from the area code and counts contacts whose zone stays unknown', () => {
    const verdict = verdictOf({
      schedule: { timezone: 'America/New_York', cronExpression: '0 9 * * 1-5', windowMinutes: 480 },
      contacts: [
        { phone: '+12135550100', timezone: '' },
        { phone: '+12135550101', timezone: null },
        { phone: '+442071234567', timezone: '' },
        { phone: '+15555550100', timezone: 'Nowhere/Else' },
      ],
    });
    expect(verdict.unknownTimezoneContacts).toBe(2);
    expect(brief(verdict)).toEqual([['FEDERAL_HOURS', 'America/Los_Angeles', 'CA', 2, '06:00', '08:00', '2027-03-01']]);
  });

  it('refuses a bad schedule field by field', () => {
    const result = checkSchedule({
      schedule: { timezone: 'Mars/Base', cronExpression: 'every day', windowMinutes: 2000 },
      range: { from: '2027-03-01', days: 14 },
      dncRules: allDncRules,
      dncListId: null,
      dncList: null,
      contacts: [],
    });
    expect(!result.ok && result.problems.map((p) => p.field)).toEqual(['cronExpression', 'timezone', 'windowMinutes']);
  });

  it('splits a window that runs past midnight by local date', () => {
    const verdict = verdictOf(
      {
        schedule: { timezone: 'America/Chicago', cronExpression: '0 20 * * 5', windowMinutes: 300 },
        contacts: [{ phone: '+13125550100', timezone: 'America/Chicago' }],
      },
      '2027-03-05',
      1,
    );
    expect(brief(verdict)).toEqual([
      ['FEDERAL_HOURS', 'America/Chicago', 'IL', 1, '21:00', '24:00', '2027-03-05'],
      ['FEDERAL_HOURS', 'America/Chicago', 'IL', 1, '00:00', '01:00', '2027-03-06'],
    ]);
  });
});

describe('clipping to one window in the schedule zone', () => {
  const input = (schedule: GateInput['schedule'], contacts: GateContact[]): GateInput => ({
    schedule,
    range: { from: '2027-03-01', days: 14 },
    dncRules: allDncRules,
    dncListId: 'dnc-01',
    dncList: { id: 'dnc-01', state: 'ACTIVE' },
    contacts,
  });

  it('opens later so that Los Angeles is past 08:00, and the clipped schedule passes the gate', () => {
    const clipped = proposeScheduleClip(
      input({ timezone: 'America/New_York', cronExpression: '0 9 * * 1-5', windowMinutes: 480 }, [
        { phone: '+12125550100', timezone: 'America/New_York' },
        { phone: '+12135550100', timezone: 'America/Los_Angeles' },
      ]),
    );
    expect(clipped).toEqual({ cronExpression: '0 11 * * 1-5', windowMinutes: 360, windowsLeftOutside: 0 });
    const again = checkSchedule(input({ timezone: 'America/New_York', ...clipped! }, [{ phone: '+12135550100', timezone: 'America/Los_Angeles' }]));
    expect(again.ok && again.verdict.compliant).toBe(true);
  });

  it('closes at 20:00 for Florida and counts the Sunday windows Louisiana bans, which clipping cannot fix', () => {
    expect(
      proposeScheduleClip(
        input({ timezone: 'America/New_York', cronExpression: '0 8 * * 1-5', windowMinutes: 780 }, [{ phone: '+13055550100', timezone: 'America/New_York' }]),
      ),
    ).toEqual({ cronExpression: '0 8 * * 1-5', windowMinutes: 720, windowsLeftOutside: 0 });
    expect(
      proposeScheduleClip(
        input({ timezone: 'America/Chicago', cronExpression: '0 10 * * *', windowMinutes: 120 }, [{ phone: '+15045550100', timezone: 'America/Chicago' }]),
      ),
    ).toMatchObject({ windowsLeftOutside: 2 });
    expect(proposeScheduleClip(input({ timezone: 'America/Chicago', cronExpression: '0 9,13 * * *', windowMinutes: 60 }, []))).toBeNull();
  });
});
