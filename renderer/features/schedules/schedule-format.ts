/** "2027-03-01T09:00:00-05:00" as "Mon 2027-03-01 09:00 (-05:00)": the zone's own wall time, offset shown. */
export function wallTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, date, clock, offset] = match as unknown as [string, string, string, string];
  const weekday = new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', timeZone: 'UTC' });
  return `${weekday} ${date} ${clock} (${offset === 'Z' ? '+00:00' : offset})`;
}

/** The end of a window beside its start: only the clock and offset when it closes the same day. */
export function wallTimeAfter(startIso: string, endIso: string): string {
  return startIso.slice(0, 10) === endIso.slice(0, 10) ? wallTime(endIso).slice(15) : wallTime(endIso);
}

/** A window as one short span: "Mon 2027-03-01 09:00–17:00 (-05:00)" when it closes the same day at the same offset, else both ends in full. */
export function wallTimeSpan(startIso: string, endIso: string): string {
  const start = wallTime(startIso);
  const end = wallTime(endIso);
  if (start === startIso || end === endIso) return `${startIso} – ${endIso}`;
  const sameDay = startIso.slice(0, 10) === endIso.slice(0, 10);
  const offset = (text: string) => text.slice(text.lastIndexOf(' '));
  if (sameDay && offset(start) === offset(end)) return `${start.slice(0, 20)}–${end.slice(15, 20)}${offset(start)}`;
  return `${start} – ${sameDay ? end.slice(15) : end}`;
}

/** An instant as the viewer's wall clock, short. */
export const shortTime = (ms: number, zone: string) =>
  new Date(ms).toLocaleString('en-GB', { timeZone: zone, weekday: 'short', day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' });

/** A day as the chart's axis names it: "Thu 03". */
export const dayLabel = (ms: number, zone: string) => new Date(ms).toLocaleDateString('en-GB', { timeZone: zone, weekday: 'short', day: '2-digit' });
