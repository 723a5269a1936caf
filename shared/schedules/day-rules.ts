import { dayOfWeekOf, instantOfDateAndMinutes, minutesOfClock, nextCalendarDate as nextDate, startOfLocalDate } from './local-time';
import { publicHolidayOn } from './state-holidays';
import { federalCallingRule, hoursOn, stateCallingRuleOf, type CallingHours, type StateCallingRule } from './state-calling-rules';

export interface Interval {
  startMs: number;
  endMs: number;
}

/** How one local date is ruled for a (zone, state): the federal hours, and the state's on top. */
export interface DayRules {
  date: string;
  day: Interval;
  federal: Interval;
  /** The state's own restriction that day, if it has one beyond the federal hours. */
  state:
    | { kind: 'none' }
    | { kind: 'hours'; allowed: Interval; rule: StateCallingRule }
    | { kind: 'sunday'; rule: StateCallingRule }
    | { kind: 'holiday'; holiday: string; rule: StateCallingRule };
}

function hoursInterval(date: string, hours: CallingHours, zone: string): Interval {
  return {
    startMs: instantOfDateAndMinutes(date, minutesOfClock(hours.start) ?? 0, zone),
    endMs: instantOfDateAndMinutes(date, minutesOfClock(hours.end) ?? 24 * 60, zone),
  };
}

export function dayRules(date: string, zone: string, state: string | null): DayRules {
  const day = { startMs: startOfLocalDate(date, zone), endMs: startOfLocalDate(nextDate(date), zone) };
  const federal = hoursInterval(date, federalCallingRule.hours.weekdays, zone);
  const rule = stateCallingRuleOf(state);
  if (!rule) return { date, day, federal, state: { kind: 'none' } };
  if (rule.holidays) {
    const holiday = publicHolidayOn(rule.state, date);
    if (holiday) return { date, day, federal, state: { kind: 'holiday', holiday, rule } };
  }
  const dayOfWeek = dayOfWeekOf(date);
  const hours = hoursOn(rule, dayOfWeek);
  if (hours === null) return { date, day, federal, state: { kind: 'sunday', rule } };
  return { date, day, federal, state: { kind: 'hours', allowed: hoursInterval(date, hours, zone), rule } };
}

export const intersect = (a: Interval, b: Interval): Interval | null => {
  const startMs = Math.max(a.startMs, b.startMs);
  const endMs = Math.min(a.endMs, b.endMs);
  return startMs < endMs ? { startMs, endMs } : null;
};

/** The parts of `whole` outside `allowed`: at most one before it and one after it. */
export function outside(whole: Interval, allowed: Interval | null): Interval[] {
  if (allowed === null) return [whole];
  const parts: Interval[] = [];
  if (whole.startMs < allowed.startMs) parts.push({ startMs: whole.startMs, endMs: Math.min(whole.endMs, allowed.startMs) });
  if (whole.endMs > allowed.endMs) parts.push({ startMs: Math.max(whole.startMs, allowed.endMs), endMs: whole.endMs });
  return parts.filter((part) => part.startMs < part.endMs);
}

/** The local dates a window touches in a zone, each with the window's part on that date. */
export function segmentsByLocalDate(window: Interval, zone: string, firstDate: string): { date: string; segment: Interval }[] {
  const segments: { date: string; segment: Interval }[] = [];
  let date = firstDate;
  for (let guard = 0; guard < 3; guard++) {
    const day = { startMs: startOfLocalDate(date, zone), endMs: startOfLocalDate(nextDate(date), zone) };
    const segment = intersect(window, day);
    if (segment) segments.push({ date, segment });
    if (day.endMs >= window.endMs) break;
    date = nextDate(date);
  }
  return segments;
}

/** What a day allows for one group: the federal hours cut by the state's, or null on a banned day. */
export function allowedFor(rules: DayRules): Interval | null {
  const state = rules.state;
  if (state.kind === 'sunday' || state.kind === 'holiday') return null;
  return state.kind === 'hours' ? intersect(rules.federal, state.allowed) : rules.federal;
}
