import { createHash, randomUUID } from 'node:crypto';
import { Emitter } from '../../shared/base/emitter';
import { ConsoleFailure, consoleError } from '../../shared/errors';
import { systemClock, type Clock } from '../tenant/clock';
import type { OutboxStats, WebhookChannel } from '../../shared/outbox/outbox-status';
import type { DeliveryError, OutboxMessage, OutboxState } from './outbox-message';
import { createOutboxStore } from './outbox-store';
import { postSigned, type FetchFunction, type PostOutcome } from './post-signed';
import { retryDelayMs } from './retry-timing';

export interface OutboxOptions {
  /** The outbox folder, normally `<dataDir>/outbox`. */
  dir: string;
  /** Turns a message's `secretRef` into the signing secret at delivery time (e.g. from the vault); null when unset. */
  resolveSecret: (secretRef: string) => Promise<string | null>;
  fetch?: FetchFunction;
  clock?: Clock;
  random?: () => number;
  /** Attempts before a message is dead (default 10). */
  maxAttempts?: number;
  /** First retry delay before jitter (default 2 s); doubles per attempt up to `maxDelayMs` (default 10 min). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Longest Retry-After honoured (default 1 h). */
  maxRetryAfterMs?: number;
  /** Per POST (default 15 s). */
  timeoutMs?: number;
  /** POSTs in flight at once (default 4). */
  concurrency?: number;
  /** Delivered messages are forgotten after this long (default 7 days). */
  keepDeliveredMs?: number;
}

export interface OutboxEnqueue {
  channel: WebhookChannel;
  url: string;
  secretRef: string;
  /** Any JSON value; serialised once, and those exact bytes are signed and sent on every attempt. */
  body: unknown;
  /** Same key, same message: a second enqueue returns the first message's id and sends nothing more. */
  dedupeKey?: string;
}

export interface OutboxChange {
  message: OutboxMessage;
  stats: OutboxStats;
}

export interface Outbox {
  /** Resolves once the message is on disk (fsync'd); delivery happens later. */
  enqueue(message: OutboxEnqueue): Promise<{ id: string; duplicate: boolean }>;
  start(): void;
  /** Stops the loop, aborting POSTs in flight (their messages stay pending). */
  stop(): Promise<void>;
  /** Starts the loop if needed and resolves once no message is pending (delivered or dead). */
  drain(signal?: AbortSignal): Promise<void>;
  stats(): OutboxStats;
  /** Oldest first. */
  list(filter?: { state?: OutboxState }): OutboxMessage[];
  /** Puts a dead message back in line with a fresh attempt count; false when there is no such dead message. */
  retryDead(id: string): Promise<boolean>;
  onChange(listener: (change: OutboxChange) => void): () => void;
  /** Messages found unreadable at start, renamed to `<id>.json.corrupt`. */
  quarantined(): string[];
}

const day = 24 * 60 * 60 * 1000;

const idFor = (channel: WebhookChannel, dedupeKey: string | undefined) =>
  dedupeKey === undefined ? `${channel}-${randomUUID()}` : `${channel}-${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}`;

const isHttpUrl = (text: string) => {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/** Waits `ms` (forever when infinite) or until `signal` aborts, whichever is first; never rejects. */
const pause = (clock: Clock, ms: number, signal: AbortSignal): Promise<void> => {
  if (Number.isFinite(ms)) return clock.sleep(Math.min(ms, 2 ** 31 - 1), signal).catch(() => undefined);
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
};

/**
 * Durable, at-least-once delivery of the console's outgoing notifications (contract §5).
 * Every message is persisted before enqueue resolves, then POSTed with an HMAC signature and
 * an idempotency key, retried with backoff (Retry-After honoured) until delivered or dead.
 * A message whose ack was lost (crash after the POST, before its state was saved) is sent again
 * after a restart with the same idempotency key.
 */
export async function createOutbox(options: OutboxOptions): Promise<Outbox> {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 10;
  const policy = { baseDelayMs: options.baseDelayMs ?? 2000, maxDelayMs: options.maxDelayMs ?? 10 * 60 * 1000, random };
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60 * 60 * 1000;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const keepDeliveredMs = options.keepDeliveredMs ?? 7 * day;
  const store = createOutboxStore(options.dir);
  // A failing subscriber must not stop deliveries: the Emitter keeps its errors to itself.
  const changed = new Emitter<OutboxChange>();

  const loaded = await store.loadAll();
  const messages = new Map(loaded.messages.map((message) => [message.id, message]));
  const enqueuing = new Map<string, Promise<{ id: string; duplicate: boolean }>>();
  const inFlight = new Map<string, Promise<void>>();
  let running = false;
  let loop: Promise<void> | null = null;
  let wakeController = new AbortController();
  let stopController = new AbortController();

  const stats = (): OutboxStats => {
    const counts: OutboxStats = { pending: 0, delivered: 0, dead: 0 };
    for (const message of messages.values()) counts[message.state] += 1;
    return counts;
  };

  const wake = () => wakeController.abort();

  const publish = (message: OutboxMessage) => changed.fire({ message, stats: stats() });

  /** Saves the new state; a failed save keeps it in memory (at worst the message is sent again after a restart). */
  const settle = async (next: OutboxMessage) => {
    messages.set(next.id, next);
    await store.save(next).catch(() => undefined);
    publish(next);
  };

  const forgetOldDelivered = async () => {
    const cutoff = clock.now() - keepDeliveredMs;
    for (const message of [...messages.values()]) {
      if (message.state === 'delivered' && message.deliveredAt && Date.parse(message.deliveredAt) < cutoff) {
        messages.delete(message.id);
        await store.remove(message.id).catch(() => undefined);
      }
    }
  };

  const nextState = (message: OutboxMessage, outcome: Exclude<PostOutcome, { kind: 'aborted' }>): OutboxMessage => {
    const now = clock.now();
    const attempted = { ...message, attempts: message.attempts + 1, lastAttemptAt: new Date(now).toISOString() };
    if (outcome.kind === 'delivered') return { ...attempted, state: 'delivered', deliveredAt: new Date(now).toISOString() };
    if (outcome.kind === 'dead' || attempted.attempts >= maxAttempts) {
      return { ...attempted, state: 'dead', lastError: outcome.error, deadAt: new Date(now).toISOString() };
    }
    const delay = outcome.retryAfterMs ?? retryDelayMs(attempted.attempts, policy);
    return { ...attempted, lastError: outcome.error, nextAttemptAt: now + delay };
  };

  const attempt = async (message: OutboxMessage, signal: AbortSignal) => {
    let outcome: PostOutcome;
    const secret = await options.resolveSecret(message.secretRef).catch(() => null);
    if (!secret) {
      const error: DeliveryError = { message: `The signing secret "${message.secretRef}" is not set; set it in Settings.` };
      outcome = { kind: 'retry', error };
    } else {
      outcome = await postSigned({
        url: message.url,
        body: message.body,
        secret,
        idempotencyKey: message.id,
        timeoutMs,
        signal,
        fetch: options.fetch,
        now: clock.now(),
        maxRetryAfterMs,
      });
    }
    // A stop aborts the POST: the attempt does not count. A delivery that made it is still recorded.
    if (outcome.kind === 'aborted' || (signal.aborted && outcome.kind !== 'delivered')) return;
    await settle(nextState(message, outcome));
  };

  const dispatchDue = () => {
    const now = clock.now();
    const due = [...messages.values()]
      .filter((message) => message.state === 'pending' && !inFlight.has(message.id) && message.nextAttemptAt <= now)
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt);
    for (const message of due.slice(0, concurrency - inFlight.size)) {
      const signal = stopController.signal;
      const work = attempt(message, signal).finally(() => {
        inFlight.delete(message.id);
        wake();
      });
      inFlight.set(message.id, work);
    }
  };

  const msUntilNextDue = () => {
    if (inFlight.size >= concurrency) return Number.POSITIVE_INFINITY;
    let next = Number.POSITIVE_INFINITY;
    for (const message of messages.values()) {
      if (message.state === 'pending' && !inFlight.has(message.id)) next = Math.min(next, message.nextAttemptAt);
    }
    return Math.max(0, next - clock.now());
  };

  const runLoop = async () => {
    while (running) {
      // A wake-up from here on aborts this controller, so none is lost while dispatching.
      wakeController = new AbortController();
      dispatchDue();
      const wait = msUntilNextDue();
      if (wait > 0) await pause(clock, wait, wakeController.signal);
    }
  };

  await forgetOldDelivered();

  const outbox: Outbox = {
    async enqueue(request) {
      if (!isHttpUrl(request.url)) {
        throw new ConsoleFailure(
          consoleError('configuration', `The ${request.channel} notification URL "${request.url}" is not an http(s) address; fix it in Settings.`),
        );
      }
      const id = idFor(request.channel, request.dedupeKey);
      const known = messages.get(id);
      if (known) return { id, duplicate: true };
      const underway = enqueuing.get(id);
      if (underway) return underway.then((result) => ({ ...result, duplicate: true }));
      let body: string | undefined;
      try {
        body = JSON.stringify(request.body);
      } catch {
        body = undefined;
      }
      if (body === undefined) {
        throw new ConsoleFailure(consoleError('validation', `The ${request.channel} notification has no JSON body.`));
      }
      const now = clock.now();
      const message: OutboxMessage = {
        id,
        channel: request.channel,
        url: request.url,
        secretRef: request.secretRef,
        body,
        ...(request.dedupeKey === undefined ? {} : { dedupeKey: request.dedupeKey }),
        state: 'pending',
        attempts: 0,
        createdAt: new Date(now).toISOString(),
        nextAttemptAt: now,
      };
      const saving = store.save(message).then(() => {
        messages.set(id, message);
        publish(message);
        wake();
        return { id, duplicate: false };
      });
      enqueuing.set(id, saving);
      try {
        return await saving;
      } catch (error) {
        throw new ConsoleFailure(
          consoleError('internal', `The ${request.channel} notification could not be saved: ${error instanceof Error ? error.message : String(error)}`),
        );
      } finally {
        enqueuing.delete(id);
      }
    },
    start() {
      if (running) return;
      running = true;
      stopController = new AbortController();
      loop = runLoop();
    },
    async stop() {
      if (!running) return;
      running = false;
      stopController.abort();
      wake();
      await loop;
      await Promise.all(inFlight.values());
      loop = null;
    },
    drain(signal) {
      outbox.start();
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (signal?.aborted) finish(() => reject(signal.reason));
          else if (stats().pending === 0) finish(resolve);
        };
        const off = outbox.onChange(check);
        const finish = (settleWith: () => void) => {
          off();
          signal?.removeEventListener('abort', check);
          settleWith();
        };
        signal?.addEventListener('abort', check);
        check();
      });
    },
    stats,
    list(filter = {}) {
      return [...messages.values()]
        .filter((message) => filter.state === undefined || message.state === filter.state)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },
    async retryDead(id) {
      const message = messages.get(id);
      if (!message || message.state !== 'dead') return false;
      const { deadAt: _deadAt, ...rest } = message;
      await settle({ ...rest, state: 'pending', attempts: 0, nextAttemptAt: clock.now() });
      wake();
      return true;
    },
    onChange: changed.event,
    quarantined: () => [...loaded.quarantined],
  };
  return outbox;
}
