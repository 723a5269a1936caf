import { describe, expect, it } from 'vitest';
import type { DncRule, RetryPolicy } from '../../../shared/cxone/schemas';
import { intervalText, proposeRetryClip, worstAttemptBurst } from '../../../shared/schedules/attempt-limit';
import { expandCallingWindows, type WindowSchedule } from '../../../shared/schedules/calling-windows';
import { checkSchedule, type GateInput, type GateVerdict } from '../../../shared/schedules/compliance-gate';
import type { GateContact } from '../../../shared/schedules/contact-home';

const allDncRules: DncRule[] = [{ type: 'FCC_MIN_TIME' }, { type: 'FCC_MAX_TIME' }, { type: 'STATE_DNC' }];
const many = (count: number, contact: GateContact): GateContact[] => Array.from({ length: count }, () => contact);
const policy = (maxAttempts: number, minutes: number, retries = true): RetryPolicy => ({
  maxAttempts,
  retryIntervalMs: minutes * 60_000,
  retryOnBusy: retries,
  retryOnNoAnswer: false,
});
const weekdays9to5: WindowSchedule = { timezone: 'America/New_York', cronExpression: '0 9 * * 1-5', windowMinutes: 480 };
const daily8to8: WindowSchedule = { timezone: 'America/New_York', cronExpression: '0 8 * * *', windowMinutes: 720 };

function windowsOf(schedule: WindowSchedule, days = 14) {
  const expansion = expandCallingWindows(schedule, { from: '2027-03-01', days });
  if (!expansion.ok) throw new Error('bad schedule');
  return expansion.windows;
}

function verdictOf(input: Pick<GateInput, 'schedule' | 'contacts' | 'retryPolicy'>): GateVerdict {
  const result = checkSchedule({
    range: { from: '2027-03-01', days: 14 },
    dncRules: allDncRules,
    dncListId: 'dnc-01',
    dncList: { id: 'dnc-01', state: 'ACTIVE' },
    ...input,
  });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.verdict;
}

const florida = { phone: '+13055550100', timezone: 'America/New_York' };
const newYork = { phone: '+12125550100', timezone: 'America/New_York' };
const oklahoma = { phone: '+14055550100', timezone: 'America/Chicago' };
const maryland = { phone: '+14105550100', timezone: 'America/New_York' };

describe('calls per 24 h on one subject (FL, OK, MD)', () => {
  it('flags five hourly attempts to Florida contacts with the rule, state, contact count and first date, and leaves New York alone', () => {
    const verdict = verdictOf({ schedule: weekdays9to5, contacts: [...many(4, florida), newYork], retryPolicy: policy(5, 60) });
    expect(verdict.compliant).toBe(false);
    expect(verdict.violations.map((v) => [v.rule, v.timezone, v.state, v.contacts, v.firstDate])).toEqual([
      ['STATE_CALLS_PER_24H', 'America/New_York', 'FL', 4, '2027-03-01'],
    ]);
    expect(verdict.violations[0]?.source).toMatch(/501\.616/);
    expect(verdict.violations[0]?.message).toMatch(/5 times within 24 h .*Florida allows 3 per 24 h/);
    // 8-hour windows: 4 h apart is the shortest spacing that never fits a 4th call in 24 h (3 h 59 min fits 2 + 2 across midnight).
    expect(verdict.retryClip).toEqual({ limit: 3, worstAttempts: 5, retryIntervalMs: 240 * 60_000, maxAttempts: 3 });
  });

  it('is satisfied by either half of the proposal: the wider interval, or at most 3 attempts', () => {
    const contacts = [...many(2, florida), oklahoma, maryland];
    expect(verdictOf({ schedule: weekdays9to5, contacts, retryPolicy: policy(5, 240) }).compliant).toBe(true);
    expect(verdictOf({ schedule: weekdays9to5, contacts, retryPolicy: policy(5, 239) }).compliant).toBe(false);
    expect(verdictOf({ schedule: weekdays9to5, contacts, retryPolicy: policy(3, 1) })).toMatchObject({ compliant: true, retryClip: null });
  });

  it('counts a rolling 24 h, not a calendar day: 5 h apart fits 4 calls from 14:59 to the next 13:00', () => {
    const windows = windowsOf(daily8to8, 3);
    expect(worstAttemptBurst(windows, policy(5, 360))?.attempts).toBe(3);
    const burst = worstAttemptBurst(windows, policy(5, 300));
    expect(burst?.attempts).toBe(4);
    expect(verdictOf({ schedule: daily8to8, contacts: [florida], retryPolicy: policy(5, 300) }).violations.map((v) => v.rule)).toEqual(['STATE_CALLS_PER_24H']);
  });

  it('lists Oklahoma and Maryland each with their own zone and source', () => {
    const verdict = verdictOf({ schedule: weekdays9to5, contacts: [oklahoma, ...many(2, maryland)], retryPolicy: policy(4, 15) });
    expect(verdict.violations.map((v) => [v.rule, v.timezone, v.state, v.contacts])).toEqual([
      ['STATE_CALLS_PER_24H', 'America/Chicago', 'OK', 1],
      ['STATE_CALLS_PER_24H', 'America/New_York', 'MD', 2],
    ]);
    expect(verdict.violations.map((v) => v.source)).toEqual([expect.stringMatching(/775C/), expect.stringMatching(/14-450/)]);
  });

  it('does not count retries the policy never makes, nor check without a policy or without a limited state', () => {
    expect(verdictOf({ schedule: weekdays9to5, contacts: [florida], retryPolicy: policy(10, 1, false) }).compliant).toBe(true);
    expect(verdictOf({ schedule: weekdays9to5, contacts: [florida] }).compliant).toBe(true);
    expect(verdictOf({ schedule: weekdays9to5, contacts: [newYork], retryPolicy: policy(10, 1) }).compliant).toBe(true);
  });

  it('never proposes more than 24 h / limit, which keeps any schedule within it', () => {
    const allDay: WindowSchedule = { timezone: 'UTC', cronExpression: '0 0 * * *', windowMinutes: 1440 };
    const windows = windowsOf(allDay, 5);
    expect(worstAttemptBurst(windows, policy(20, 0))?.attempts).toBe(20);
    expect(proposeRetryClip(windows, policy(20, 0), 3)).toEqual({ limit: 3, worstAttempts: 20, retryIntervalMs: 480 * 60_000, maxAttempts: 3 });
    expect(worstAttemptBurst(windows, policy(20, 480))?.attempts).toBe(3);
  });

  it('reads intervals as a lead would', () => {
    expect([intervalText(45 * 60_000), intervalText(120 * 60_000), intervalText(90 * 60_000)]).toEqual(['45 min', '2 h', '1 h 30 min']);
  });
});
