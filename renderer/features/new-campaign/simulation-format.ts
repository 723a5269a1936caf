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
