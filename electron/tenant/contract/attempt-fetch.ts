import { withDeadline } from '../../base/deadline';
import type { Clock } from '../clock';
import type { AttemptFeedback, RateLimiter } from '../rate-limiter';
import type { RequestLogWriter } from '../request-log';
import { AttemptTimeout, classifyAttemptError } from '../retry-policy';
import { retryAfterSecondsOf } from './failures';

/** What every attempt against one tenant passes through. */
export interface AttemptPipeline {
  limiter: RateLimiter;
  log: RequestLogWriter;
  fetch: typeof globalThis.fetch;
  clock: Clock;
  timeoutMs: number;
}

/** Per call (across its retries): how many attempts ran and which token the last one carried. */
export interface CallState {
  attempts: number;
  tokenUsed: string | null;
  tokenReplays: number;
  /** 401 answers since the last other answer: a second one in a row is a refusal, not a revocation. */
  refusedInARow: number;
}

export const newCallState = (): CallState => ({ attempts: 0, tokenUsed: null, tokenReplays: 0, refusedInARow: 0 });

function feedbackOf(response: Response): AttemptFeedback {
  const retryAfterSeconds = retryAfterSecondsOf(response.headers);
  if (response.status === 429 || (response.status >= 500 && retryAfterSeconds !== undefined)) {
    return retryAfterSeconds === undefined ? { kind: 'throttled' } : { kind: 'throttled', retryAfterSeconds };
  }
  return response.ok ? { kind: 'ok' } : { kind: 'other' };
}

function shortError(error: unknown): string {
  if (error instanceof AttemptTimeout) return error.message;
  const failure = classifyAttemptError(error);
  if (failure.kind === 'cancelled') return 'cancelled';
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error)
    return `${error instanceof Error ? error.message : 'failed'}: ${'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The `fetch` ky calls for every attempt, retries included: take a bearer token (before
 * a slot, so the token request can get one), wait for the rate limiter, send with a
 * per-attempt timeout, tell the limiter how it went, and log it without credentials.
 */
export function attemptFetch(
  pipeline: AttemptPipeline,
  call: CallState,
  bearerToken?: (signal: AbortSignal) => Promise<string>,
): (input: Request | URL | string, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const signal = request.signal;
    const token = bearerToken ? await bearerToken(signal) : null;
    const permit = await pipeline.limiter.acquire(signal);
    call.attempts += 1;
    call.tokenUsed = token;
    const attempt = call.attempts;
    const started = pipeline.clock.now();
    const url = new URL(request.url);
    const entry = { at: new Date(started).toISOString(), method: request.method, path: `${url.pathname}${url.search}`, attempt };
    const headers = new Headers(request.headers);
    if (token !== null) headers.set('authorization', `Bearer ${token}`);
    const timeout = withDeadline(signal, pipeline.timeoutMs, new AttemptTimeout(pipeline.timeoutMs));
    try {
      const response = await pipeline.fetch(new Request(request, { headers, signal: timeout.signal }));
      permit.release(feedbackOf(response));
      pipeline.log.record({
        ...entry,
        status: response.status,
        latencyMs: pipeline.clock.now() - started,
        ...(response.ok ? {} : { error: `HTTP ${response.status}` }),
      });
      return response;
    } catch (error) {
      permit.release({ kind: 'other' });
      const thrown = timeout.passed ? timeout.signal.reason : error;
      pipeline.log.record({ ...entry, status: null, latencyMs: pipeline.clock.now() - started, error: shortError(thrown) });
      throw thrown;
    } finally {
      timeout.clear();
    }
  };
}
