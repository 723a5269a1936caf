import { describe, expect, it } from 'vitest';
import { readableReason, zonedTime } from '../../../renderer/features/automation/automation-format';
import { holdWords } from '../../../renderer/features/automation/hold-words';

describe('a rule decision’s reason on the Automation screen', () => {
  const now = Date.parse('2026-12-02T12:00:00.000Z');

  it('shows every ISO instant the rule wrote on the viewer’s clock, and leaves the rest of the words alone', () => {
    const ends = '2026-12-02T17:40:00.000Z';
    const resumes = '2026-12-03T09:05:00Z';
    const reason = `1 alert in effect for US-TX: Winter Storm Warning (Severe, until ${ends}); resumes after the hold-down, at ${resumes}.`;
    const shown = readableReason(reason, now);
    expect(shown).toBe(
      `1 alert in effect for US-TX: Winter Storm Warning (Severe, until ${zonedTime(ends, now)}); resumes after the hold-down, at ${zonedTime(resumes, now)}.`,
    );
    expect(shown).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('keeps a reason without instants, and a date without a time, as written', () => {
    expect(readableReason('6 agents available × 0.8 = 4', now)).toBe('6 agents available × 0.8 = 4');
    expect(readableReason('schedule of 2026-12-02 kept', now)).toBe('schedule of 2026-12-02 kept');
  });

  it('names the zone of an instant, and the day only when it is not today', () => {
    const today = zonedTime('2026-12-02T17:40:00.000Z', now);
    const tomorrow = zonedTime('2026-12-03T09:05:00.000Z', now);
    expect(today).toMatch(/^\d{2}:\d{2} \S+$/);
    expect(tomorrow).toMatch(/^\w{3} \d{2} \w{3} \d{2}:\d{2} \S+$/);
    expect(zonedTime(null, now)).toBe('—');
    expect(zonedTime('not a time', now)).toBe('not a time');
  });
});

describe('a held campaign in plain words', () => {
  const now = Date.parse('2026-12-02T12:00:00.000Z');
  const base = { campaignId: 'c1', what: 'sentence', since: '2026-12-02T11:00:00.000Z', region: 'US-TX', holdDownMinutes: 30 };

  it('says a campaign waiting out the hold-down resumes at the hold-down’s end, on the viewer’s clock', () => {
    const words = holdWords({ ...base, state: 'waiting-hold-down', until: '2026-12-02T12:30:00.000Z' }, now);
    expect(words.label).toBe('Paused by this rule');
    expect(words.detail).toBe(`waiting hold-down until ${zonedTime('2026-12-02T12:30:00.000Z', now)}`);
    expect(words.next).toBe(`Resumes at ${zonedTime('2026-12-02T12:30:00.000Z', now)} unless an alert returns`);
  });

  it('says a campaign paused for an alert in effect resumes once its alerts end and the hold-down passes', () => {
    const words = holdWords({ ...base, state: 'paused-by-rule', until: null }, now);
    expect(words.detail).toBe('severe weather in US-TX');
    expect(words.next).toBe('Resumes once the US-TX alerts end and 30 min pass');
  });

  it('says a person’s resume or limit is left alone, and keeps the sentence of a hold without a state', () => {
    expect(holdWords({ ...base, state: 'resumed-by-person', until: null }, now).label).toBe('Resumed by a person');
    expect(holdWords({ ...base, state: 'limit-by-person', personValue: 12 }, now).detail).toBe('12, left alone');
    expect(holdWords({ ...base, what: 'Held since 2026-12-02T11:00:00.000Z' }, now).detail).toBe(`Held since ${zonedTime('2026-12-02T11:00:00.000Z', now)}`);
  });
});
