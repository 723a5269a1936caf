import Holidays from 'date-holidays';

const calendars = new Map<string, Holidays>();
const holidayDates = new Map<string, ReadonlyMap<string, string>>();

/** A state's public holidays of a year (date → name), from date-holidays' US state calendars. */
export function publicHolidaysOf(state: string, year: number): ReadonlyMap<string, string> {
  const key = `${state}:${year}`;
  const cached = holidayDates.get(key);
  if (cached) return cached;
  let calendar = calendars.get(state);
  if (!calendar) {
    calendar = new Holidays('US', state);
    calendars.set(state, calendar);
  }
  const dates = new Map<string, string>();
  for (const holiday of calendar.getHolidays(year) || []) {
    if (holiday.type === 'public' && !dates.has(holiday.date.slice(0, 10))) dates.set(holiday.date.slice(0, 10), holiday.name);
  }
  holidayDates.set(key, dates);
  return dates;
}

/** The holiday's name when a local date (YYYY-MM-DD) is a public holiday in the state. */
export const publicHolidayOn = (state: string, date: string): string | undefined => publicHolidaysOf(state, Number(date.slice(0, 4))).get(date);
