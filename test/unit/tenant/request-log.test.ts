import { describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../../shared/tenant/request-log-entry';
import { createRequestLog, redact } from '../../../electron/tenant/request-log';

const entry = (attempt: number, changes: Partial<RequestLogEntry> = {}): RequestLogEntry => ({
  at: '2026-01-01T00:00:00.000Z',
  method: 'GET',
  path: '/api/v2/outbound/campaigns',
  status: 200,
  attempt,
  latencyMs: 3,
  ...changes,
});

describe('request log', () => {
  it('keeps the newest entries up to its capacity, newest first', () => {
    const log = createRequestLog({ capacity: 3 });
    for (let i = 1; i <= 5; i += 1) log.record(entry(i));
    expect(log.recent().map((e) => e.attempt)).toEqual([5, 4, 3]);
    expect(log.recent(2).map((e) => e.attempt)).toEqual([5, 4]);
  });

  it('tells subscribers about each entry until they unsubscribe', () => {
    const log = createRequestLog();
    const seen: number[] = [];
    const unsubscribe = log.subscribe((e) => seen.push(e.attempt));
    log.record(entry(1));
    unsubscribe();
    log.record(entry(2));
    expect(seen).toEqual([1]);
  });

  it('redacts known secrets and credential-shaped text from paths and errors', () => {
    const log = createRequestLog({ secrets: () => ['s3cr3t-value', 'tok-abcdef'] });
    log.record(entry(1, { path: '/x?client_secret=abc&access_token=def&page=2', error: 'rejected tok-abcdef and s3cr3t-value: Bearer xyz.123' }));
    const [logged] = log.recent();
    expect(logged?.path).toBe('/x?client_secret=[redacted]&access_token=[redacted]&page=2');
    expect(logged?.error).not.toMatch(/tok-abcdef|s3cr3t-value|xyz\.123/);
  });

  it('leaves ordinary text alone', () => {
    expect(redact('/api/v2/outbound/campaigns?page=1')).toBe('/api/v2/outbound/campaigns?page=1');
  });
});
