import type { RetryPolicy } from '../cxone/schemas';
import type { Interval } from './day-rules';

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

/** A retry interval as a lead reads it: "45 min", "2 h", "1 h 30 min". */
export function intervalText(ms: number): string {
  const minutes = Math.round(ms / minuteMs);
  if (minutes < 60) return `${minutes} min`;
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** How many attempts the dialer may make to one contact: the first call plus retries, none when it retries on nothing. */
export const attemptsPerContact = (policy: RetryPolicy): number => (policy.retryOnBusy || policy.retryOnNoAnswer ? policy.maxAttempts : 1);

/** The windows as sorted, non-overlapping intervals (two cron firings a day may overlap). */
function mergedWindows(windows: readonly Interval[]): Interval[] {
  const sorted = [...windows].sort((a, b) => a.startMs - b.startMs);
  const merged: Interval[] = [];
  for (const window of sorted) {
    const last = merged.at(-1);
    if (last && window.startMs <= last.endMs) last.endMs = Math.max(last.endMs, window.endMs);
    else merged.push({ startMs: window.startMs, endMs: window.endMs });
  }
  return merged;
}

/** The first instant at or after `at` inside a window, or null after the last window. */
function dialableFrom(windows: readonly Interval[], at: number): number | null {
  let low = 0;
  let high = windows.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((windows[middle] as Interval).endMs <= at) low = middle + 1;
    else high = middle;
  }
  const window = windows[low];
  if (!window) return null;
  return Math.max(window.startMs, at);
}

export interface AttemptBurst {
  /** Most attempts one contact can get within a rolling 24 h. */
  attempts: number;
  /** When the first such 24 h span starts (its first attempt), and its attempt instants. */
  startMs: number;
  attemptsMs: number[];
}

/**
 * The worst 24 h for one contact: the dialer retries as early as the policy lets it (each
 * retry `retryIntervalMs` after the last, at the next open window when that falls outside
 * one), so the most attempts in any rolling 24 h are those of the retries started at the
 * worst instant. Starts are tried on every minute of every window: exact for intervals in
 * whole minutes, as the screen edits them. Null when no window opens.
 */
export function worstAttemptBurst(windowsIn: readonly Interval[], policy: RetryPolicy): AttemptBurst | null {
  const windows = mergedWindows(windowsIn);
  if (windows.length === 0) return null;
  const attempts = attemptsPerContact(policy);
  const interval = Math.max(policy.retryIntervalMs, 0);
  let worst: AttemptBurst | null = null;
  for (const window of windows) {
    for (let start = window.startMs; start < window.endMs; start += minuteMs) {
      const attemptsMs = [start];
      while (attemptsMs.length < attempts) {
        const next = dialableFrom(windows, (attemptsMs.at(-1) as number) + interval);
        if (next === null || next >= start + dayMs) break;
        attemptsMs.push(next);
      }
      if (!worst || attemptsMs.length > worst.attempts) worst = { attempts: attemptsMs.length, startMs: start, attemptsMs };
      if (worst.attempts >= attempts) return worst;
    }
  }
  return worst;
}

/** The two ways to keep a contact within `limit` attempts per 24 h, for the lead to choose from. */
export interface RetryClip {
  limit: number;
  /** Attempts the policy allows today within 24 h. */
  worstAttempts: number;
  /** Keep every attempt and wait at least this long between them (whole minutes): what `--clip` applies. */
  retryIntervalMs: number;
  /** Or keep the interval and allow at most this many attempts in all. */
  maxAttempts: number;
}

/**
 * The smallest whole-minute interval that keeps the worst 24 h within the limit (found by
 * bisection: a longer interval never allows more attempts), never above 24 h / limit,
 * which keeps any schedule within it; and the attempt cap that does the same.
 */
export function proposeRetryClip(windows: readonly Interval[], policy: RetryPolicy, limit: number): RetryClip | null {
  const worst = worstAttemptBurst(windows, policy);
  if (!worst || worst.attempts <= limit) return null;
  const within = (minutes: number) => (worstAttemptBurst(windows, { ...policy, retryIntervalMs: minutes * minuteMs })?.attempts ?? 0) <= limit;
  let low = Math.floor(policy.retryIntervalMs / minuteMs);
  let high = Math.ceil(dayMs / limit / minuteMs);
  while (low + 1 < high) {
    const middle = (low + high) >> 1;
    if (within(middle)) high = middle;
    else low = middle;
  }
  return { limit, worstAttempts: worst.attempts, retryIntervalMs: high * minuteMs, maxAttempts: limit };
}
