import { ConsoleFailure, consoleError, toConsoleError, type ConsoleError } from '../../../shared/errors';
import type { LeaseAttempt, RunnerLease } from '../runner-lease';
import type { TickCoordinator } from '../tick-coordinator';
import { activeRunnerLease, runnerViewOf, type ActiveRunnerRecord, type RunnerIdentity } from './active-runner-record';
import { defaultRedisCoordinatorTimings, redisTenantNames, type RedisCoordinatorTimings } from './bullmq-tick-coordinator';
import { connectRedis, redisClientFor, redisUnreachable, redisUrlOf, withTimeout } from './redis-connection';

export interface RedisOneShotOptions {
  redisUrl: string;
  tenantKey: string;
  holder: RunnerIdentity;
  timings?: Partial<Pick<RedisCoordinatorTimings, 'leaseTtlMs' | 'leaseRefreshMs' | 'connectTimeoutMs'>>;
  /** A refresh that failed or found the record gone while the tick runs. */
  onError?: (error: ConsoleError) => void;
}

export interface RedisOneShotCoordinator extends TickCoordinator {
  /** The tenant's active-runner record in Redis, taken for one tick by hand and given back after it. */
  readonly lease: RunnerLease;
}

const holderOf = (record: ActiveRunnerRecord): Extract<LeaseAttempt, { held: false }>['holder'] => ({
  id: record.token,
  kind: record.kind,
  host: record.host,
  pid: record.pid,
  label: record.label,
  since: record.since,
});

/**
 * One tick by hand (`automation weather|capacity --once`) with CXONE_REDIS_URL set. It takes the same
 * active-runner record the BullMQ runners contend for, for the length of the tick, so it never writes
 * beside a scheduled runner or another `--once` on any machine; while it holds it no runner starts ticks.
 * It never schedules ticks or takes jobs from the queue: `start` is refused.
 */
export function createRedisOneShotCoordinator(options: RedisOneShotOptions): RedisOneShotCoordinator {
  const url = redisUrlOf(options.redisUrl);
  const timings = { ...defaultRedisCoordinatorTimings, ...options.timings };
  const { runnerKey } = redisTenantNames(options.tenantKey);
  const client = redisClientFor(url, (error) => options.onError?.(toConsoleError(error)));
  const record = activeRunnerLease(client, runnerKey, options.holder, timings.leaseTtlMs);
  let connecting: Promise<void> | null = null;
  let refresher: NodeJS.Timeout | null = null;
  let closed = false;

  const connected = () => {
    if (closed) return Promise.reject(new ConsoleFailure(consoleError('cancelled', 'This one-off Redis runner is closed.')));
    connecting ??= connectRedis(client, url, timings.connectTimeoutMs);
    return connecting;
  };
  const bounded = <T>(work: Promise<T>) => withTimeout(work, timings.connectTimeoutMs, () => redisUnreachable(url.display));
  const read = async () => {
    await connected();
    return bounded(record.read());
  };

  const release = async () => {
    if (refresher) clearInterval(refresher);
    refresher = null;
    if (record.holds()) await bounded(record.release()).catch((error: unknown) => options.onError?.(toConsoleError(error)));
  };

  const lease: RunnerLease = {
    id: record.token,
    async tryAcquire() {
      await connected();
      // The holder may expire between the refused SET NX and the read: then try again.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        if (await bounded(record.acquire())) {
          refresher = setInterval(() => {
            void record.refresh().then(
              (kept) => (kept ? undefined : options.onError?.(consoleError('conflict', 'The Redis active-runner record was lost while the tick ran.'))),
              (error: unknown) => options.onError?.(toConsoleError(error)),
            );
          }, timings.leaseRefreshMs);
          return { held: true };
        }
        const current = await bounded(record.read());
        if (current !== null) return { held: false, holder: holderOf(current) };
      }
      throw new ConsoleFailure(consoleError('conflict', 'The Redis active-runner record keeps changing hands; try again.', { code: 'AUTOMATION_HELD' }));
    },
    release,
    view: async () => runnerViewOf(await read(), record.token),
  };

  return {
    lease,
    start() {
      return Promise.reject(new ConsoleFailure(consoleError('internal', 'A one-off tick through Redis schedules nothing.')));
    },
    runner: lease.view,
    async stop() {
      if (closed) return;
      await release();
      closed = true;
      if (client.status !== 'wait' && client.status !== 'end') await client.quit().catch(() => client.disconnect());
    },
  };
}
