/**
 * Disposition timestamps must say which moment they mean: ISO-8601 with `Z` or
 * an offset. `YYYY-MM-DD HH:MM:SS+02:00` (space instead of `T`, as spreadsheets
 * write it) is accepted too; a time without a zone is refused rather than
 * guessed, because the local zone of whoever typed the file is unknown.
 */
export type TimestampReading = { ok: true; iso: string; epochMs: number } | { ok: false; reason: string };

const timestampPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** The same form through Date.parse: years before 1000, which the digit-by-digit path leaves to it. */
const canonicalUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;

export function readDispositionTimestamp(text: string): TimestampReading {
  // The common form (what spreadsheets and this console's own exports write) is read digit by digit;
  // anything else, or a date that does not exist (Feb 30), takes the general path.
  const canonicalMs = canonicalUtcEpochMs(text);
  if (!Number.isNaN(canonicalMs)) return { ok: true, iso: text.length === 24 ? text : `${text.slice(0, 19)}.000Z`, epochMs: canonicalMs };
  if (canonicalUtc.test(text)) {
    const parsed = Date.parse(text);
    if (!Number.isNaN(parsed)) {
      const iso = new Date(parsed).toISOString();
      if (iso.slice(0, 19) === text.slice(0, 19)) return { ok: true, iso, epochMs: parsed };
    }
  }
  const match = timestampPattern.exec(text);
  if (!match) {
    return { ok: false, reason: `"${text}" is not an ISO-8601 timestamp; expected e.g. 2024-06-01T14:30:00Z or 2024-06-01T14:30:00+02:00` };
  }
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  if (hour === undefined) {
    return { ok: false, reason: `"${text}" is a date without a time; expected e.g. ${text}T14:30:00Z` };
  }
  if (zone === undefined) {
    return {
      ok: false,
      reason: `"${text}" has no time zone; add Z for UTC or an offset, e.g. ${text.replace(' ', 'T')}Z or ${text.replace(' ', 'T')}+02:00`,
    };
  }
  const fields = [year, month, day, hour, minute, second ?? '0'].map(Number) as [number, number, number, number, number, number];
  const [y, mo, d, h, mi, s] = fields;
  const millis = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  const local = Date.UTC(y, mo - 1, d, h, mi, s, millis);
  const check = new Date(local);
  const inRange = check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
  if (!inRange) return { ok: false, reason: `"${text}" is not a real date and time` };
  const offsetMinutes = zoneOffsetMinutes(zone);
  if (offsetMinutes === null) return { ok: false, reason: `"${text}" has an invalid offset "${zone}"; expected e.g. +02:00` };
  const epochMs = local - offsetMinutes * 60_000;
  return { ok: true, iso: new Date(epochMs).toISOString(), epochMs };
}

function zoneOffsetMinutes(zone: string): number | null {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 14 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

const digit = (text: string, at: number): number => {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : NaN;
};
const digits = (text: string, at: number, count: number): number => {
  let value = 0;
  for (let i = 0; i < count; i += 1) value = value * 10 + digit(text, at + i);
  return value;
};
const twoDigits = (text: string, at: number): number => {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >>> 0 <= 9 && ones >>> 0 <= 9 ? tens * 10 + ones : NaN;
};
const daysIn = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

/**
 * `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.sssZ` naming a real UTC instant (year 1000 or later):
 * its epoch milliseconds; NaN for any other text, which the general path then reads.
 */
export function canonicalUtcEpochMs(text: string): number {
  return canonicalUtcEpochMsAt(text, 0, text.length);
}

/** canonicalUtcEpochMs of text[from, to), read in place. */
export function canonicalUtcEpochMsAt(text: string, from: number, to: number): number {
  const length = to - from;
  if (length !== 20 && length !== 24) return NaN;
  const at = from;
  if (
    text.charCodeAt(at + 4) !== 45 ||
    text.charCodeAt(at + 7) !== 45 ||
    text.charCodeAt(at + 10) !== 84 ||
    text.charCodeAt(at + 13) !== 58 ||
    text.charCodeAt(at + 16) !== 58
  )
    return NaN;
  if (text.charCodeAt(to - 1) !== 90) return NaN;
  if (length === 24 && text.charCodeAt(at + 19) !== 46) return NaN;
  const year = twoDigits(text, at) * 100 + twoDigits(text, at + 2);
  const month = twoDigits(text, at + 5);
  const day = twoDigits(text, at + 8);
  const hour = twoDigits(text, at + 11);
  const minute = twoDigits(text, at + 14);
  const second = twoDigits(text, at + 17);
  const millis = length === 24 ? digits(text, at + 20, 3) : 0;
  // NaN fails every comparison below.
  if (!(year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59 && second <= 59 && millis >= 0))
    return NaN;
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis;
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (year 1000 or later), as Date.UTC counts them, without its call. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
