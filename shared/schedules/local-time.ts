import { DateTime, IANAZone } from 'luxon';

/** A wall-clock moment in some zone, without the zone. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const minuteMs = 60_000;

const knownZones = new Map<string, boolean>();

/** Whether a name is an IANA zone; memoised because the gate asks once per contact. */
export function isKnownZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    known = zone.length > 0 && IANAZone.isValidZone(zone);
    knownZones.set(zone, known);
  }
  return known;
}

/** The wall time as if it were UTC, so that wall times compare as numbers. */
const naiveMs = (wall: WallTime) => Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);

const offsetMinutesAt = (zone: IANAZone, instantMs: number) => zone.offset(instantMs);

const wallOf = (zone: IANAZone, instantMs: number) => instantMs + offsetMinutesAt(zone, instantMs) * minuteMs;

/**
 * The instant a wall time names in a zone, by the contract's rule (§4.1): a time that
 * happens twice (fall-back) is its first occurrence; a time that does not exist
 * (spring-forward gap) is the first valid minute after it, the end of the gap.
 * Luxon alone would take the second occurrence and jump by the gap's length.
 */
export function instantOfWallTime(wall: WallTime, zoneName: string): number {
  const zone = IANAZone.create(zoneName);
  const naive = naiveMs(wall);
  const dayMs = 24 * 3600_000;
  const offsets = new Set([offsetMinutesAt(zone, naive - dayMs), offsetMinutesAt(zone, naive), offsetMinutesAt(zone, naive + dayMs)]);
  const matching = [...offsets].map((offset) => naive - offset * minuteMs).filter((instant) => wallOf(zone, instant) === naive);
  if (matching.length > 0) return Math.min(...matching);
  // In a gap: the transition lies between the instant read with the later offset and the one read with the earlier.
  const candidates = [...offsets].map((offset) => naive - offset * minuteMs).sort((a, b) => a - b);
  let before = candidates[0] as number;
  let after = candidates[candidates.length - 1] as number;
  while (after - before > minuteMs) {
    const middle = before + Math.floor((after - before) / 2 / minuteMs) * minuteMs;
    if (wallOf(zone, middle) >= naive) after = middle;
    else before = middle;
  }
  return after;
}

export const localDateTime = (instantMs: number, zone: string): DateTime => DateTime.fromMillis(instantMs, { zone });

/** ISO-8601 with the zone's offset, seconds kept, milliseconds dropped. */
export const localIso = (instantMs: number, zone: string): string => localDateTime(instantMs, zone).toISO({ suppressMilliseconds: true }) ?? '';

export const localDate = (instantMs: number, zone: string): string => localDateTime(instantMs, zone).toISODate() ?? '';

/** HH:mm of an instant in a zone; `endOfDay` renders a local midnight as 24:00 (the end of the previous day). */
export function localClock(instantMs: number, zone: string, endOfDay = false): string {
  const local = localDateTime(instantMs, zone);
  if (endOfDay && local.hour === 0 && local.minute === 0) return '24:00';
  return local.toFormat('HH:mm');
}

/** Local midnight starting a calendar date (YYYY-MM-DD) in a zone. */
export function startOfLocalDate(date: string, zone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return instantOfWallTime({ year, month, day, hour: 0, minute: 0 }, zone);
}

/** `HH:mm` → minutes after midnight, or null when malformed. 24:00 is the end of a day. */
export function minutesOfClock(clock: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/** The wall time `minutes` after local midnight of a date, as an instant (gaps and overlaps per §4.1). */
export function instantOfDateAndMinutes(date: string, minutes: number, zone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (minutes >= 24 * 60) {
    const next = DateTime.fromObject({ year, month, day }, { zone: 'utc' }).plus({ days: 1 });
    return instantOfWallTime({ year: next.year, month: next.month, day: next.day, hour: 0, minute: minutes - 24 * 60 }, zone);
  }
  return instantOfWallTime({ year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, zone);
}

/** Calendar dates (YYYY-MM-DD) from `date`, `count` of them. */
export function successiveDates(date: string, count: number): string[] {
  const first = DateTime.fromISO(date, { zone: 'utc' });
  return Array.from({ length: count }, (_, index) => first.plus({ days: index }).toISODate() ?? '');
}

export const isCalendarDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
