import { parseCron } from './cron';
import { minutesOfClock } from './local-time';

export type WindowOption = { ok: true; windowMinutes: number; startMinutes: number } | { ok: false; message: string };

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * A calling window written `HH:mm-HH:mm` (an end before the start runs past midnight) as the
 * schedule's windowMinutes. The cron says when windows open, so a cron that opens at one
 * fixed time must open at the window's start.
 */
export function parseWindowOption(window: string, cronExpression: string): WindowOption {
  const match = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(window.trim());
  const start = match ? minutesOfClock(match[1] as string) : null;
  const end = match ? minutesOfClock(match[2] as string) : null;
  if (start === null || end === null || start >= 24 * 60) return { ok: false, message: `--window "${window}" is not HH:mm-HH:mm (for example 09:00-17:00).` };
  const windowMinutes = end > start ? end - start : end + 24 * 60 - start;
  if (windowMinutes === 24 * 60 && end === start) return { ok: false, message: `--window "${window}" opens and closes at the same time.` };
  const cron = parseCron(cronExpression);
  if (cron.ok && cron.fields.hours.length === 1 && cron.fields.minutes.length === 1) {
    const opens = (cron.fields.hours[0] as number) * 60 + (cron.fields.minutes[0] as number);
    if (opens !== start) return { ok: false, message: `The cron opens windows at ${clock(opens)} but --window starts at ${clock(start)}; make them agree.` };
  }
  return { ok: true, windowMinutes, startMinutes: start };
}
