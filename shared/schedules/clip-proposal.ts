import type { CallingWindow } from './calling-windows';
import type { ContactGroup } from './compliance-gate';
import { allowedFor, intersect, type DayRules, type Interval } from './day-rules';
import { localClock, localDate, minutesOfClock } from './local-time';

/** The widest daily window, in a zone's local time, that every group living in that zone may be called in. */
export interface ClipProposal {
  timezone: string;
  contacts: number;
  /** HH:mm local; null when no part of any window is allowed there. */
  localStart: string | null;
  localEnd: string | null;
  minutes: number;
  /** Local dates whose window has no allowed part at all (a Sunday or holiday ban): dial none that day. */
  skipDates: string[];
}

export function proposeClip(
  windows: readonly CallingWindow[],
  groups: readonly ContactGroup[],
  rulesOf: (date: string, group: ContactGroup) => DayRules,
  segmentsOf: (window: Interval, zone: string) => { date: string; segment: Interval }[],
): ClipProposal[] {
  const zones = new Map<string, ContactGroup[]>();
  for (const group of groups) zones.set(group.timezone, [...(zones.get(group.timezone) ?? []), group]);
  const proposals: ClipProposal[] = [];
  for (const [timezone, inZone] of [...zones.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    let latestStart = 0;
    let earliestEnd = 24 * 60;
    let anyAllowed = false;
    const skipDates: string[] = [];
    for (const window of windows) {
      let longest: { start: number; end: number } | null = null;
      for (const { date, segment } of segmentsOf(window, timezone)) {
        let allowed: Interval | null = segment;
        for (const group of inZone) allowed = allowed && intersect(allowed, allowedFor(rulesOf(date, group)) ?? { startMs: 0, endMs: 0 });
        if (!allowed) continue;
        const start = minutesOfClock(localClock(allowed.startMs, timezone)) ?? 0;
        const end = minutesOfClock(localClock(allowed.endMs, timezone, true)) ?? 0;
        if (!longest || end - start > longest.end - longest.start) longest = { start, end };
      }
      if (!longest) {
        skipDates.push(localDate(window.startMs, timezone));
        continue;
      }
      anyAllowed = true;
      latestStart = Math.max(latestStart, longest.start);
      earliestEnd = Math.min(earliestEnd, longest.end);
    }
    const fits = anyAllowed && latestStart < earliestEnd;
    const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    proposals.push({
      timezone,
      contacts: inZone.reduce((sum, group) => sum + group.contacts, 0),
      localStart: fits ? clock(latestStart) : null,
      localEnd: fits ? clock(earliestEnd) : null,
      minutes: fits ? earliestEnd - latestStart : 0,
      skipDates: [...new Set(skipDates)],
    });
  }
  return proposals;
}
