import ky, { TimeoutError } from 'ky';
import { retryAfterMs } from './retry-timing';
import type { DeliveryError } from './outbox-message';
import { signatureOf } from './signature';

export type FetchFunction = (input: Request | URL | string, init?: RequestInit) => Promise<Response>;

export interface SignedPost {
  url: string;
  body: string;
  secret: string;
  /** Sent as X-Idempotency-Key so a receiver can drop the copies that at-least-once delivery allows. */
  idempotencyKey: string;
  timeoutMs: number;
  signal: AbortSignal;
  fetch?: FetchFunction;
  now: number;
  maxRetryAfterMs: number;
}

export type PostOutcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'retry'; error: DeliveryError; retryAfterMs?: number }
  | { kind: 'dead'; error: DeliveryError }
  | { kind: 'aborted' };

const retryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;

const answerText = async (response: Response) => {
  const text = await response.text().catch(() => '');
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
};

/** One signed POST, no retries of its own (the outbox schedules them); classifies the answer. */
export async function postSigned(post: SignedPost): Promise<PostOutcome> {
  let response: Response;
  try {
    response = await ky.post(post.url, {
      body: post.body,
      headers: {
        'content-type': 'application/json',
        'x-signature': signatureOf(post.secret, post.body),
        'x-idempotency-key': post.idempotencyKey,
      },
      retry: 0,
      timeout: post.timeoutMs,
      throwHttpErrors: false,
      signal: post.signal,
      ...(post.fetch ? { fetch: post.fetch } : {}),
    });
  } catch (error) {
    if (post.signal.aborted) return { kind: 'aborted' };
    if (error instanceof TimeoutError) return { kind: 'retry', error: { message: `No answer within ${post.timeoutMs} ms.` } };
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { kind: 'retry', error: { message: `Could not reach the receiver (${error instanceof Error ? error.message : String(error)}${cause}).` } };
  }
  if (response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'delivered', status: response.status };
  }
  const text = await answerText(response);
  const error: DeliveryError = { status: response.status, message: `The receiver answered ${response.status}${text ? `: ${text}` : '.'}` };
  if (!retryableStatus(response.status)) return { kind: 'dead', error };
  const wait =
    response.status === 429 || response.status === 503 ? retryAfterMs(response.headers.get('retry-after'), post.now, post.maxRetryAfterMs) : undefined;
  return wait === undefined ? { kind: 'retry', error } : { kind: 'retry', error, retryAfterMs: wait };
}
