import { expandCallingWindows } from './calling-windows';
import { groupContacts, type GateInput } from './compliance-gate';
import { allowedFor, dayRules, intersect, segmentsByLocalDate, type Interval } from './day-rules';
import { localClock, localDate, minutesOfClock } from './local-time';

export interface ScheduleClip {
  cronExpression: string;
  windowMinutes: number;
  /** Windows with no part every contact may be called in (a Sunday or holiday ban): clipping cannot fix those. */
  windowsLeftOutside: number;
}

/**
 * The widest single window, in the schedule's own zone, inside the allowed hours of every
 * (zone, state) group on every date it opens: the one schedule object a tenant stores cannot
 * hold a window per zone, so `--clip` narrows the one window. Only a cron that opens at one
 * fixed time can be clipped; null when it cannot be or when nothing is left.
 */
export function proposeScheduleClip(input: GateInput): ScheduleClip | null {
  const fields = input.schedule.cronExpression.trim().split(/\s+/);
  if (fields.length !== 5 || !/^\d+$/.test(fields[0] as string) || !/^\d+$/.test(fields[1] as string)) return null;
  const expansion = expandCallingWindows(input.schedule, input.range);
  if (!expansion.ok) return null;
  const zone = input.schedule.timezone;
  const { groups } = groupContacts(input.contacts);
  let latestStart = 0;
  let earliestEnd = Number.POSITIVE_INFINITY;
  let windowsLeftOutside = 0;
  for (const window of expansion.windows) {
    let pieces: Interval[] = [window];
    for (const group of groups) {
      const allowed = segmentsByLocalDate(window, group.timezone, localDate(window.startMs, group.timezone))
        .map(({ date, segment }) => {
          const hours = allowedFor(dayRules(date, group.timezone, group.state));
          return hours && intersect(segment, hours);
        })
        .filter((part): part is Interval => part !== null);
      pieces = pieces.flatMap((piece) => allowed.map((part) => intersect(piece, part)).filter((part): part is Interval => part !== null));
    }
    const longest = pieces.sort((a, b) => b.endMs - b.startMs - (a.endMs - a.startMs))[0];
    if (!longest) {
      windowsLeftOutside++;
      continue;
    }
    const opensAt = minutesOfClock(localClock(window.startMs, zone)) ?? 0;
    // Minutes after the window's own opening day's midnight, so a part past midnight stays after its start.
    const start = opensAt + (longest.startMs - window.startMs) / 60_000;
    const end = opensAt + (longest.endMs - window.startMs) / 60_000;
    latestStart = Math.max(latestStart, start);
    earliestEnd = Math.min(earliestEnd, end);
  }
  if (!(latestStart < earliestEnd) || latestStart >= 24 * 60) return null;
  const cronExpression = [String(latestStart % 60), String(Math.floor(latestStart / 60)), ...fields.slice(2)].join(' ');
  return { cronExpression, windowMinutes: earliestEnd - latestStart, windowsLeftOutside };
}
