import { DateTime } from 'luxon';
import { defaultWindowMinutes, maxWindowMinutes } from '../cxone/schemas';
import { cronMatchesDay, parseCron } from './cron';
import { instantOfWallTime, isCalendarDate, isKnownZone, localIso, successiveDates } from './local-time';

/** What a calling window needs of a schedule (contract §4.1); startTime/endTime bound when windows may open. */
export interface WindowSchedule {
  timezone: string;
  cronExpression: string;
  windowMinutes?: number;
  startTime?: string;
  endTime?: string;
  /** Dates (YYYY-MM-DD, in the schedule's zone) on which no window opens: the campaign's blackout dates. */
  blackoutDates?: readonly string[];
}

/** One calling window: absolute instants plus its rendering in the schedule's zone. */
export interface CallingWindow {
  startMs: number;
  endMs: number;
  /** ISO-8601 with the schedule zone's offset. */
  start: string;
  end: string;
}

export type ScheduleProblem = { field: 'cronExpression' | 'timezone' | 'windowMinutes' | 'blackoutDates' | 'from' | 'days'; message: string };

export type WindowExpansion = { ok: true; windows: CallingWindow[] } | { ok: false; problems: ScheduleProblem[] };

export interface ExpansionRange {
  /** First calendar date (YYYY-MM-DD) in the schedule's zone. */
  from: string;
  days: number;
}

export function scheduleProblems(schedule: WindowSchedule): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const cron = parseCron(schedule.cronExpression);
  if (!cron.ok) problems.push({ field: 'cronExpression', message: cron.message });
  if (!isKnownZone(schedule.timezone))
    problems.push({ field: 'timezone', message: `"${schedule.timezone}" is not an IANA time zone (for example America/Chicago).` });
  const minutes = schedule.windowMinutes ?? defaultWindowMinutes;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > maxWindowMinutes) {
    problems.push({ field: 'windowMinutes', message: `A calling window lasts 1 to ${maxWindowMinutes} minutes; ${minutes} is outside that.` });
  }
  const notDates = (schedule.blackoutDates ?? []).filter((date) => !isCalendarDate(date));
  if (notDates.length > 0) problems.push({ field: 'blackoutDates', message: `Blackout dates are dates as YYYY-MM-DD; ${notDates.join(', ')} is not.` });
  return problems;
}

/**
 * Every calling window that opens on a date of [from, from + days) in the schedule's zone:
 * the cron's firing times taken as wall times of each date, a gap time opening at the
 * gap's end and a repeated time opening once, at its first occurrence (§4.1). No window
 * opens on a blackout date.
 */
export function expandCallingWindows(schedule: WindowSchedule, range: ExpansionRange): WindowExpansion {
  const problems = scheduleProblems(schedule);
  if (!isCalendarDate(range.from)) problems.push({ field: 'from', message: `"${range.from}" is not a date (YYYY-MM-DD).` });
  if (!Number.isInteger(range.days) || range.days < 1 || range.days > 366)
    problems.push({ field: 'days', message: 'days must be a whole number from 1 to 366.' });
  const cron = parseCron(schedule.cronExpression);
  if (problems.length > 0 || !cron.ok) return { ok: false, problems };

  const zone = schedule.timezone;
  const lengthMs = (schedule.windowMinutes ?? defaultWindowMinutes) * 60_000;
  const opensAfter = schedule.startTime ? Date.parse(schedule.startTime) : Number.NEGATIVE_INFINITY;
  const opensBefore = schedule.endTime ? Date.parse(schedule.endTime) : Number.POSITIVE_INFINITY;
  const starts = new Set<number>();
  const blackout = new Set(schedule.blackoutDates ?? []);
  for (const date of successiveDates(range.from, range.days)) {
    if (blackout.has(date)) continue;
    const day = DateTime.fromISO(date, { zone: 'utc' });
    if (!cronMatchesDay(cron.fields, { dayOfMonth: day.day, month: day.month, dayOfWeek: day.weekday % 7 })) continue;
    for (const hour of cron.fields.hours) {
      for (const minute of cron.fields.minutes) {
        const startMs = instantOfWallTime({ year: day.year, month: day.month, day: day.day, hour, minute }, zone);
        if (startMs >= opensAfter && startMs < opensBefore) starts.add(startMs);
      }
    }
  }
  const windows = [...starts]
    .sort((a, b) => a - b)
    .map((startMs) => ({ startMs, endMs: startMs + lengthMs, start: localIso(startMs, zone), end: localIso(startMs + lengthMs, zone) }));
  return { ok: true, windows };
}

/** The calendar date an instant falls on in a zone: where `--from` defaults to today. */
export const todayIn = (zone: string, nowMs: number): string => DateTime.fromMillis(nowMs, { zone }).toISODate() ?? '';

/** A window as the Schedules screen lists it: in the schedule's zone and in the viewer's own. */
export interface ViewedWindow extends CallingWindow {
  viewerStart: string;
  viewerEnd: string;
}

/**
 * The next `count` windows still open or yet to open after `nowMs`, each rendered in the
 * schedule's zone and in `viewerZone`. Looks ahead up to a year, so a yearly cron is found too.
 */
export function nextCallingWindows(schedule: WindowSchedule, nowMs: number, count: number, viewerZone: string): ViewedWindow[] {
  const windows: ViewedWindow[] = [];
  let from = todayIn(isKnownZone(schedule.timezone) ? schedule.timezone : 'UTC', nowMs - 24 * 3600_000);
  for (let chunk = 0; chunk < 13 && windows.length < count; chunk++) {
    const expansion = expandCallingWindows(schedule, { from, days: 30 });
    if (!expansion.ok) return [];
    for (const window of expansion.windows) {
      if (window.endMs <= nowMs || windows.length >= count) continue;
      windows.push({ ...window, viewerStart: localIso(window.startMs, viewerZone), viewerEnd: localIso(window.endMs, viewerZone) });
    }
    from = successiveDates(from, 31)[30] as string;
  }
  return windows;
}
