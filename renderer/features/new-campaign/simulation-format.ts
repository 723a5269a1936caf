export const percent = (share: number, digits = 1) => `${(share * 100).toFixed(digits)} %`;
export const ratio = (value: number) => value.toFixed(2);
export const whole = (value: number) => Math.round(value).toLocaleString('en-US');

export function duration(hours: number | null): string {
  if (hours === null || !Number.isFinite(hours)) return 'not within the limit';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  const h = Math.floor(hours);
  const m = Math.round((hours - h) * 60);
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Calling hours with the calling days they take, e.g. "11 h 34 min (1.4 calling days)". */
export function callingTime(hours: number | null, hoursPerDay: number): string {
  if (hours === null || !Number.isFinite(hours)) return duration(hours);
  return `${duration(hours)} (${(hours / hoursPerDay).toFixed(1)} calling days)`;
}

type Interval = readonly [number, number];

const halfWidth = ([low, high]: Interval) => (high - low) / 2;

/** "± 0.13 pt": the half-width of a 95% interval of a share, in percentage points. */
export const plusMinusPoints = (interval: Interval, digits = 2) => `± ${(halfWidth(interval) * 100).toFixed(digits)} pt`;
export const plusMinusWhole = (interval: Interval) => `± ${Math.max(1, Math.round(halfWidth(interval))).toLocaleString('en-US')}`;
export const plusMinusDuration = (interval: Interval | null) => {
  if (!interval) return '';
  const minutes = Math.round(halfWidth(interval) * 60);
  return minutes < 1 ? '± <1 min' : `± ${minutes} min`;
};
/** "2.72 – 2.83 %": a 95% interval of a share. */
export const percentRange = ([low, high]: Interval, digits = 2) => `${(low * 100).toFixed(digits)} – ${(high * 100).toFixed(digits)} %`;
