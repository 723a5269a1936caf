import { describe, expect, it } from 'vitest';
import { expandCallingWindows, nextCallingWindows, type WindowSchedule } from '../../../shared/schedules/calling-windows';
import { describeCron, parseCron } from '../../../shared/schedules/cron';
import { parseWindowOption } from '../../../shared/schedules/window-option';

function windowsOf(schedule: WindowSchedule, from: string, days: number) {
  const expansion = expandCallingWindows(schedule, { from, days });
  if (!expansion.ok) throw new Error(expansion.problems.map((p) => p.message).join('; '));
  return expansion.windows;
}

describe('calling windows', () => {
  it('opens a weekday window at 09:00 local for windowMinutes, in UTC and local renderings', () => {
    const windows = windowsOf({ timezone: 'America/Chicago', cronExpression: '0 9 * * 1-5', windowMinutes: 480 }, '2027-03-01', 7);
    expect(windows.map((w) => w.start)).toEqual([
      '2027-03-01T09:00:00-06:00',
      '2027-03-02T09:00:00-06:00',
      '2027-03-03T09:00:00-06:00',
      '2027-03-04T09:00:00-06:00',
      '2027-03-05T09:00:00-06:00',
    ]);
    expect(windows[0]?.end).toBe('2027-03-01T17:00:00-06:00');
    expect(new Date(windows[0]?.startMs ?? 0).toISOString()).toBe('2027-03-01T15:00:00.000Z');
  });

  it('opens no window on a blackout date (a date in the schedule zone), and names a malformed one', () => {
    const schedule = { timezone: 'America/Chicago', cronExpression: '0 9 * * 1-5', windowMinutes: 480, blackoutDates: ['2027-03-02', '2027-03-04'] };
    expect(windowsOf(schedule, '2027-03-01', 7).map((w) => w.start.slice(0, 10))).toEqual(['2027-03-01', '2027-03-03', '2027-03-05']);
    const bad = expandCallingWindows({ ...schedule, blackoutDates: ['2027-02-30'] }, { from: '2027-03-01', days: 7 });
    expect(bad.ok ? [] : bad.problems.map((p) => p.field)).toEqual(['blackoutDates']);
  });

  it('keeps 09:00 local across spring-forward in New York: the UTC instant moves by an hour', () => {
    const windows = windowsOf({ timezone: 'America/New_York', cronExpression: '0 9 * * *', windowMinutes: 60 }, '2027-03-13', 2);
    expect(windows.map((w) => new Date(w.startMs).toISOString())).toEqual(['2027-03-13T14:00:00.000Z', '2027-03-14T13:00:00.000Z']);
  });

  it('opens a 02:30 window on the spring-forward day at 03:00, the first valid minute after the gap', () => {
    const windows = windowsOf({ timezone: 'America/New_York', cronExpression: '30 2 * * *', windowMinutes: 60 }, '2027-03-13', 3);
    expect(windows.map((w) => w.start)).toEqual(['2027-03-13T02:30:00-05:00', '2027-03-14T03:00:00-04:00', '2027-03-15T02:30:00-04:00']);
  });

  it('merges two firings inside the gap into one window at the gap end', () => {
    const windows = windowsOf({ timezone: 'Europe/London', cronExpression: '0,30 1 * * *', windowMinutes: 15 }, '2027-03-28', 1);
    expect(windows.map((w) => w.start)).toEqual(['2027-03-28T02:00:00+01:00']);
  });

  it('opens a 01:30 window once on fall-back day, at its first occurrence', () => {
    const windows = windowsOf({ timezone: 'America/New_York', cronExpression: '30 1 * * *', windowMinutes: 30 }, '2027-11-07', 1);
    expect(windows).toHaveLength(1);
    expect(windows[0]?.start).toBe('2027-11-07T01:30:00-04:00');
    expect(new Date(windows[0]?.startMs ?? 0).toISOString()).toBe('2027-11-07T05:30:00.000Z');
  });

  it('handles London fall-back: 01:30 happens once, in BST', () => {
    const windows = windowsOf({ timezone: 'Europe/London', cronExpression: '30 1 * * *', windowMinutes: 60 }, '2027-10-31', 1);
    expect(windows.map((w) => w.start)).toEqual(['2027-10-31T01:30:00+01:00']);
    expect(windows[0]?.end).toBe('2027-10-31T01:30:00+00:00');
  });

  it('handles the southern hemisphere: Sydney springs forward in October and falls back in April', () => {
    const spring = windowsOf({ timezone: 'Australia/Sydney', cronExpression: '30 2 * * *', windowMinutes: 60 }, '2027-10-03', 1);
    expect(spring.map((w) => w.start)).toEqual(['2027-10-03T03:00:00+11:00']);
    const autumn = windowsOf({ timezone: 'Australia/Sydney', cronExpression: '30 2 * * *', windowMinutes: 60 }, '2027-04-04', 1);
    expect(autumn.map((w) => w.start)).toEqual(['2027-04-04T02:30:00+11:00']);
    const nine = windowsOf({ timezone: 'Australia/Sydney', cronExpression: '0 9 * * *', windowMinutes: 60 }, '2027-04-03', 2);
    expect(nine.map((w) => new Date(w.startMs).toISOString())).toEqual(['2027-04-02T22:00:00.000Z', '2027-04-03T23:00:00.000Z']);
  });

  it('opens windows only between startTime and endTime', () => {
    const windows = windowsOf(
      {
        timezone: 'America/Chicago',
        cronExpression: '0 9 * * *',
        windowMinutes: 60,
        startTime: '2027-03-02T00:00:00-06:00',
        endTime: '2027-03-04T09:00:00-06:00',
      },
      '2027-03-01',
      7,
    );
    expect(windows.map((w) => w.start.slice(0, 10))).toEqual(['2027-03-02', '2027-03-03']);
  });

  it('applies cron day rules: both day fields restricted match either', () => {
    const windows = windowsOf({ timezone: 'UTC', cronExpression: '0 9 1 * 1', windowMinutes: 60 }, '2027-02-28', 10);
    expect(windows.map((w) => w.start.slice(0, 10))).toEqual(['2027-03-01', '2027-03-08']);
  });

  it('names each bad field: cron, zone and window length', () => {
    const expansion = expandCallingWindows({ timezone: 'Mars/Olympus', cronExpression: '0 9 * *', windowMinutes: 0 }, { from: '2027-03-01', days: 14 });
    expect(expansion.ok).toBe(false);
    if (!expansion.ok) expect(expansion.problems.map((p) => p.field)).toEqual(['cronExpression', 'timezone', 'windowMinutes']);
    const long = expandCallingWindows({ timezone: 'UTC', cronExpression: '0 9 * * *', windowMinutes: 1441 }, { from: '2027-03-01', days: 14 });
    expect(long.ok).toBe(false);
    expect(parseCron('0 9 L * *').ok).toBe(false);
  });

  it('reads a cron in plain language', () => {
    expect(describeCron('0 9 * * 1-5')).toBe('At 09:00, Monday through Friday');
  });
});

describe('--window option', () => {
  it('turns HH:mm-HH:mm into windowMinutes, past midnight too, and insists the cron opens at its start', () => {
    expect(parseWindowOption('09:00-17:00', '0 9 * * 1-5')).toEqual({ ok: true, windowMinutes: 480, startMinutes: 540 });
    expect(parseWindowOption('20:00-02:00', '0 20 * * *')).toMatchObject({ ok: true, windowMinutes: 360 });
    expect(parseWindowOption('9-17', '0 9 * * *').ok).toBe(false);
    expect(parseWindowOption('09:00-09:00', '0 9 * * *').ok).toBe(false);
    expect(parseWindowOption('25:00-26:00', '0 9 * * *').ok).toBe(false);
    const mismatch = parseWindowOption('09:00-17:00', '30 8 * * 1-5');
    expect(!mismatch.ok && mismatch.message).toMatch(/opens windows at 08:30 but --window starts at 09:00/);
  });
});

describe('next calling windows', () => {
  it('lists the next windows in the campaign zone and the viewer zone, across the New York spring-forward', () => {
    const now = Date.parse('2027-03-12T20:00:00Z');
    const windows = nextCallingWindows({ timezone: 'America/New_York', cronExpression: '0 9 * * *', windowMinutes: 60 }, now, 3, 'Europe/London');
    expect(windows.map((w) => [w.start, w.viewerStart])).toEqual([
      ['2027-03-13T09:00:00-05:00', '2027-03-13T14:00:00+00:00'],
      ['2027-03-14T09:00:00-04:00', '2027-03-14T13:00:00+00:00'],
      ['2027-03-15T09:00:00-04:00', '2027-03-15T13:00:00+00:00'],
    ]);
  });

  it('includes a window still open now and finds a yearly one months ahead', () => {
    const open = nextCallingWindows({ timezone: 'UTC', cronExpression: '0 9 * * *', windowMinutes: 120 }, Date.parse('2027-03-01T10:00:00Z'), 1, 'UTC');
    expect(open[0]?.start).toBe('2027-03-01T09:00:00Z');
    const yearly = nextCallingWindows({ timezone: 'UTC', cronExpression: '0 9 1 12 *', windowMinutes: 60 }, Date.parse('2027-03-01T10:00:00Z'), 1, 'UTC');
    expect(yearly[0]?.start).toBe('2027-12-01T09:00:00Z');
  });
});
