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
const dayMs = 24 * 3600_000;

/**
 * Luxon reads zone offsets through Intl, which costs microseconds a call; the gate asks the
 * same few instants for every state living in a zone, so answers are remembered (bounded).
 */
function memoised<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size > 200_000) cache.clear();
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}

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

const zoneOffset = memoised((key) => {
  const split = key.indexOf('|');
  return IANAZone.create(key.slice(split + 1)).offset(Number(key.slice(0, split)));
});
const offsetMinutesAt = (zone: string, instantMs: number) => zoneOffset(`${instantMs}|${zone}`);

const wallOf = (zone: string, instantMs: number) => instantMs + offsetMinutesAt(zone, instantMs) * minuteMs;

/**
 * The instant a wall time names in a zone, by the contract's rule (§4.1): a time that
 * happens twice (fall-back) is its first occurrence; a time that does not exist
 * (spring-forward gap) is the first valid minute after it, the end of the gap.
 * Luxon alone would take the second occurrence and jump by the gap's length.
 */
export function instantOfWallTime(wall: WallTime, zoneName: string): number {
  return instantOfNaive(`${naiveMs(wall)}|${zoneName}`);
}

const instantOfNaive = memoised((key) => {
  const split = key.indexOf('|');
  const naive = Number(key.slice(0, split));
  const zone = key.slice(split + 1);
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
});

export const localDateTime = (instantMs: number, zone: string): DateTime => DateTime.fromMillis(instantMs, { zone });

/** ISO-8601 with the zone's offset, seconds kept, milliseconds dropped. */
export const localIso = (instantMs: number, zone: string): string => localDateTime(instantMs, zone).toISO({ suppressMilliseconds: true }) ?? '';

/** The wall time of an instant in a zone as YYYY-MM-DDTHH:mm, from the remembered offset. */
function wallText(instantMs: number, zone: string): string {
  return new Date(instantMs + offsetMinutesAt(zone, instantMs) * minuteMs).toISOString().slice(0, 16);
}

export const localDate = (instantMs: number, zone: string): string => wallText(instantMs, zone).slice(0, 10);

/** HH:mm of an instant in a zone; `endOfDay` renders a local midnight as 24:00 (the end of the previous day). */
export function localClock(instantMs: number, zone: string, endOfDay = false): string {
  const clock = wallText(instantMs, zone).slice(11, 16);
  return endOfDay && clock === '00:00' ? '24:00' : clock;
}

const naiveOfDate = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Local midnight starting a calendar date (YYYY-MM-DD) in a zone. */
export const startOfLocalDate = (date: string, zone: string): number => instantOfNaive(`${naiveOfDate(date)}|${zone}`);

/** The calendar date after a date. */
export const nextCalendarDate = (date: string): string => new Date(naiveOfDate(date) + dayMs).toISOString().slice(0, 10);

/** 0 = Sunday … 6 = Saturday, as cron counts. */
export const dayOfWeekOf = (date: string): number => new Date(naiveOfDate(date)).getUTCDay();

/** `HH:mm` → minutes after midnight, or null when malformed. 24:00 is the end of a day. */
export function minutesOfClock(clock: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/** The wall time `minutes` after local midnight of a date (1440 = the next midnight), as an instant (gaps and overlaps per §4.1). */
export const instantOfDateAndMinutes = (date: string, minutes: number, zone: string): number =>
  instantOfNaive(`${naiveOfDate(date) + minutes * minuteMs}|${zone}`);

/** Calendar dates (YYYY-MM-DD) from `date`, `count` of them. */
export function successiveDates(date: string, count: number): string[] {
  const first = naiveOfDate(date);
  return Array.from({ length: count }, (_, index) => new Date(first + index * dayMs).toISOString().slice(0, 10));
}

export const isCalendarDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
