const delaySeconds = /^\d+(\.\d+)?$/;
const numberLike = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A Retry-After header (delay-seconds or an HTTP date) as milliseconds from `nowMs`; a date
 * in the past is 0. Undefined when absent or unreadable, negative seconds included.
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (delaySeconds.test(text)) return Number(text) * 1000;
  // Date.parse reads "-3" or "1e3" as years; a number that is not delay-seconds is no date either.
  if (numberLike.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
