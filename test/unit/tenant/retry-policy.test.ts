import { HTTPError } from 'ky';
import { describe, expect, it } from 'vitest';
import { AttemptTimeout, backoffDelayMs, classifyAttemptError, mayRetry, retryClassOf } from '../../../electron/tenant/retry-policy';
import { ConsoleFailure, consoleError } from '../../../shared/errors';

describe('retry policy', () => {
  it('treats GET, PUT and PATCH as idempotent and POST as not', () => {
    expect(['GET', 'put', 'PATCH'].map(retryClassOf)).toEqual(['idempotent', 'idempotent', 'idempotent']);
    expect(retryClassOf('POST')).toBe('non_idempotent');
  });

  it('retries idempotent calls on 408, 429, 5xx and network failures only', () => {
    for (const status of [408, 429, 500, 502, 503, 504]) expect(mayRetry('idempotent', { kind: 'status', status })).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 422]) expect(mayRetry('idempotent', { kind: 'status', status })).toBe(false);
    expect(mayRetry('idempotent', { kind: 'network' })).toBe(true);
  });

  it('retries a POST only when the request provably never reached the handler', () => {
    for (const status of [429, 502, 503, 504]) expect(mayRetry('non_idempotent', { kind: 'status', status })).toBe(true);
    expect(mayRetry('non_idempotent', { kind: 'status', status: 500 })).toBe(false);
    expect(mayRetry('non_idempotent', { kind: 'network' })).toBe(false);
  });

  it('never retries timeouts, cancellations or errors already typed by the client', () => {
    expect(mayRetry('idempotent', classifyAttemptError(new AttemptTimeout(100)))).toBe(false);
    expect(mayRetry('idempotent', classifyAttemptError(new DOMException('stop', 'AbortError')))).toBe(false);
    expect(mayRetry('idempotent', classifyAttemptError(new ConsoleFailure(consoleError('authentication', 'no'))))).toBe(false);
  });

  it('classifies failed connections and HTTP answers', () => {
    expect(classifyAttemptError(new TypeError('fetch failed'))).toEqual({ kind: 'network' });
    const response = new Response('', { status: 503 });
    const request = new Request('http://tenant.test/x');
    expect(classifyAttemptError(new HTTPError(response, request, {} as never))).toEqual({ kind: 'status', status: 503 });
  });

  it('backs off exponentially up to a cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, { baseDelayMs: 100, maxDelayMs: 500 }))).toEqual([100, 200, 400, 500]);
  });
});
