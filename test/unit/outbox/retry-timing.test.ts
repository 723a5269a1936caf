import { describe, expect, it } from 'vitest';
import { retryAfterMs, retryDelayMs } from '../../../electron/outbox/retry-timing';
import { signatureMatches, signatureOf } from '../../../electron/outbox/signature';

describe('retry timing', () => {
  const policy = (random: number) => ({ baseDelayMs: 1000, maxDelayMs: 60_000, random: () => random });

  it('doubles the delay per failed attempt, between half and all of it', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy(0)))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy(0.999999)))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits longer than the maximum', () => {
    expect(retryDelayMs(40, policy(0.999999))).toBe(60_000);
  });

  it('reads Retry-After as seconds or as an HTTP date, within bounds', () => {
    const now = Date.parse('2025-03-01T09:00:00Z');
    expect(retryAfterMs('120', now, 3_600_000)).toBe(120_000);
    expect(retryAfterMs('Sat, 01 Mar 2025 09:00:30 GMT', now, 3_600_000)).toBe(30_000);
    expect(retryAfterMs('Sat, 01 Mar 2025 08:00:00 GMT', now, 3_600_000)).toBe(0);
    expect(retryAfterMs('86400', now, 3_600_000)).toBe(3_600_000);
    expect(retryAfterMs('soon', now, 3_600_000)).toBeUndefined();
    expect(retryAfterMs(null, now, 3_600_000)).toBeUndefined();
  });
});

describe('notification signature', () => {
  it('is the hex HMAC-SHA256 of the raw body, and any change to the body breaks it', () => {
    // Reference value computed independently: printf '{"a":1}' | openssl dgst -sha256 -hmac s3cret
    expect(signatureOf('s3cret', '{"a":1}')).toBe('sha256=5910e62016ef5034272c926c27071992a465c2335cecf41851bda071577f4f6d');
    expect(signatureMatches('s3cret', '{"a":1}', signatureOf('s3cret', '{"a":1}'))).toBe(true);
    expect(signatureMatches('s3cret', '{"a": 1}', signatureOf('s3cret', '{"a":1}'))).toBe(false);
    expect(signatureMatches('other', '{"a":1}', signatureOf('s3cret', '{"a":1}'))).toBe(false);
    expect(signatureMatches('s3cret', '{"a":1}', undefined)).toBe(false);
  });
});
