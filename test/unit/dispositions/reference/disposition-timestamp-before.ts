// The timestamp reader as it was before its digit-by-digit fast path (commit 2883442), kept verbatim as the reference the new one must agree with.
/**
 * Disposition timestamps must say which moment they mean: ISO-8601 with `Z` or
 * an offset. `YYYY-MM-DD HH:MM:SS+02:00` (space instead of `T`, as spreadsheets
 * write it) is accepted too; a time without a zone is refused rather than
 * guessed, because the local zone of whoever typed the file is unknown.
 */
export type TimestampReading = { ok: true; iso: string; epochMs: number } | { ok: false; reason: string };

const timestampPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** What spreadsheets and this console's own exports write: UTC with `Z`, whole or millisecond seconds. */
const canonicalUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;

export function readDispositionTimestampBefore(text: string): TimestampReading {
  // The common form skips the general parse; a date that does not exist (Feb 30) fails the round trip and takes the general path.
  if (canonicalUtc.test(text)) {
    const epochMs = Date.parse(text);
    if (!Number.isNaN(epochMs)) {
      const iso = new Date(epochMs).toISOString();
      if (iso.slice(0, 19) === text.slice(0, 19)) return { ok: true, iso, epochMs };
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
