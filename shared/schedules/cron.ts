import { CronExpressionParser } from 'cron-parser';
import cronstrue from 'cronstrue';

/** The five fields of a cron expression as value sets; `dayOfWeek` uses 0 = Sunday … 6 = Saturday. */
export interface CronFields {
  minutes: readonly number[];
  hours: readonly number[];
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  daysOfWeek: ReadonlySet<number>;
  /** Cron's rule: when both day fields are restricted a day matches either; otherwise both. */
  dayFieldsEitherMatch: boolean;
}

export type CronParse = { ok: true; fields: CronFields } | { ok: false; message: string };

/** A 5-field cron (minute hour day-of-month month day-of-week), parsed by cron-parser. */
export function parseCron(expression: string): CronParse {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5)
    return { ok: false, message: `"${expression}" has ${parts.length} fields; a schedule's cron has exactly 5 (minute hour day month weekday).` };
  try {
    const { fields } = CronExpressionParser.parse(expression.trim());
    const special = [...fields.dayOfMonth.values, ...fields.dayOfWeek.values].some((value) => typeof value !== 'number');
    if (special) return { ok: false, message: `"${expression}" uses L or #, which calling windows do not support; list the days instead.` };
    const dayOfMonthWildcard = fields.dayOfMonth.isWildcard;
    const dayOfWeekWildcard = fields.dayOfWeek.isWildcard;
    return {
      ok: true,
      fields: {
        minutes: [...fields.minute.values].map(Number),
        hours: [...fields.hour.values].map(Number),
        daysOfMonth: new Set([...fields.dayOfMonth.values].map(Number)),
        months: new Set([...fields.month.values].map(Number)),
        daysOfWeek: new Set([...fields.dayOfWeek.values].map((value) => Number(value) % 7)),
        dayFieldsEitherMatch: !dayOfMonthWildcard && !dayOfWeekWildcard,
      },
    };
  } catch (error) {
    return { ok: false, message: `"${expression}" is not a valid cron expression: ${error instanceof Error ? error.message : String(error)}.` };
  }
}

/** Whether a calendar day (day of week 0 = Sunday) is one the cron fires on. */
export function cronMatchesDay(fields: CronFields, day: { dayOfMonth: number; month: number; dayOfWeek: number }): boolean {
  if (!fields.months.has(day.month)) return false;
  const byMonthDay = fields.daysOfMonth.has(day.dayOfMonth);
  const byWeekDay = fields.daysOfWeek.has(day.dayOfWeek);
  return fields.dayFieldsEitherMatch ? byMonthDay || byWeekDay : byMonthDay && byWeekDay;
}

/** Plain-language reading ("At 09:00, Monday through Friday"), by cronstrue. */
export function describeCron(expression: string): string {
  try {
    return cronstrue.toString(expression, { use24HourTimeFormat: true, verbose: false });
  } catch {
    return expression;
  }
}
