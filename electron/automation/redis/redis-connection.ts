import { Redis } from 'ioredis';
import { ConsoleFailure, consoleError, type ConsoleError } from '../../../shared/errors';
import { settleWithin } from '../../base/deadline';
import { parseRedisUrl, redisUrlSetting, type RedisUrl } from './redis-url-setting';

/** The setting checked: a malformed or empty CXONE_REDIS_URL is refused here, naming it. */
export function redisUrlOf(text: string): RedisUrl {
  const parsed = parseRedisUrl(text);
  if (!parsed.ok) throw new ConsoleFailure(parsed.error);
  if (parsed.value === null) throw new ConsoleFailure(consoleError('configuration', `${redisUrlSetting} is empty: the Redis runner needs a redis:// URL.`));
  return parsed.value;
}

/** "Redis at redis://host:port (CXONE_REDIS_URL) does not answer…": the one message for a Redis that cannot be reached. */
export function redisUnreachable(where: string, error?: unknown): ConsoleError {
  return consoleError(
    'network',
    `Redis at ${where} (${redisUrlSetting}) does not answer${error instanceof Error && error.message ? `: ${error.message}` : ''}.`,
    {
      target: redisUrlSetting,
    },
  );
}

/** Rejects with `failure()` when `promise` has not settled within `ms`. */
export const withTimeout = <T>(promise: Promise<T>, ms: number, failure: () => ConsoleError): Promise<T> =>
  settleWithin(promise, ms, () => new ConsoleFailure(failure()));

/** A client for `url`, not yet connected; `maxRetriesPerRequest: null` so BullMQ's blocking calls wait out a reconnect instead of failing. */
export function redisClientFor(url: RedisUrl, onError: (error: unknown) => void): Redis {
  const client = new Redis(url.url, { maxRetriesPerRequest: null, lazyConnect: true });
  client.on('error', onError);
  return client;
}

/**
 * Connects and waits for PING, at most `timeoutMs`: a Redis that refuses, is not there or does not answer
 * fails loudly naming CXONE_REDIS_URL, and the client stops retrying (nothing keeps the process alive).
 */
export async function connectRedis(client: Redis, url: RedisUrl, timeoutMs: number): Promise<void> {
  try {
    await withTimeout(
      client.connect().then(() => client.ping()),
      timeoutMs,
      () => redisUnreachable(url.display),
    );
  } catch (error) {
    client.disconnect();
    throw error instanceof ConsoleFailure ? error : new ConsoleFailure(redisUnreachable(url.display, error));
  }
}
