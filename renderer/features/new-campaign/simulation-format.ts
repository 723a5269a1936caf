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
