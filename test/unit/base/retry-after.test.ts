import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../shared/base/retry-after';

const now = Date.parse('2025-03-01T09:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  it('reads an HTTP date as the time from now', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 09:00:30 GMT', now)).toBe(30_000);
  });

  it('reads a date in the past as no wait', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 08:00:00 GMT', now)).toBe(0);
  });

  it('refuses negative seconds, other numbers and garbage', () => {
    expect(parseRetryAfter('-3', now)).toBeUndefined();
    expect(parseRetryAfter('1e3', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
  });

  it('is undefined when absent', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
