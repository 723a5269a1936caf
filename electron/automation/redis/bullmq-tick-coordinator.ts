import { createHash } from 'node:crypto';
import { Queue, WaitingError, Worker, type Job } from 'bullmq';
import { automationRuleIdSchema, automationRuleIds, type AutomationRuleId, type AutomationRunnerView } from '../../../shared/automation/automation-rules';
import { delay } from '../../../shared/base/delay';
import { ConsoleFailure, consoleError, toConsoleError, type ConsoleError } from '../../../shared/errors';
import type { ScheduledTick, TickCoordinator } from '../tick-coordinator';
import { activeRunnerLease, runnerViewOf, type ActiveRunnerRecord, type RunnerIdentity } from './active-runner-record';
import { connectRedis, redisClientFor, redisUnreachable, redisUrlOf, withTimeout } from './redis-connection';

/** The BullMQ and lease timings; tests shorten them, nothing asserts on them. */
export interface RedisCoordinatorTimings {
  /** The active-runner record lives this long after its holder's last refresh: how soon a dead runner is replaced. */
  leaseTtlMs: number;
  /** How often the holder refreshes the record and the others try to take it. */
  leaseRefreshMs: number;
  /** BullMQ `lockDuration`: a tick whose runner stops renewing its lock this long counts as stalled and is retried. */
  lockDurationMs: number;
  /** BullMQ `stalledInterval`: how often the acting runner looks for stalled ticks. */
  stalledIntervalMs: number;
  /** A tick whose run rejects is tried this many times in all. */
  attempts: number;
  /** A tick is retried after its runner died at most this many times (a tick that kills every runner must not loop). */
  maxStalledTicks: number;
  /** The wait before a failed tick's first retry; it doubles with each retry. */
  retryBackoffMs: number;
  /** How long start() waits for Redis to answer before it gives up. */
  connectTimeoutMs: number;
}

export const defaultRedisCoordinatorTimings: RedisCoordinatorTimings = {
  leaseTtlMs: 15_000,
  leaseRefreshMs: 5_000,
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
  attempts: 3,
  maxStalledTicks: 2,
  retryBackoffMs: 30_000,
  connectTimeoutMs: 10_000,
};

export interface RedisTickCoordinatorOptions {
  redisUrl: string;
  /** The same on every console that runs this tenant (API base URL + client ID); hashed into the queue name. */
  tenantKey: string;
  holder: RunnerIdentity;
  timings?: Partial<RedisCoordinatorTimings>;
  /** The tenant's runner changed hands (this runner took over or lost it, or another runner replaced the last one). */
  onRunnerChange?: (view: AutomationRunnerView) => void;
  /** Redis or BullMQ trouble after start (a lost connection, a failed refresh); the coordinator keeps trying. */
  onError?: (error: ConsoleError) => void;
  now?: () => number;
}

type TickJob = Job<{ ruleId: AutomationRuleId }, void, string>;
type ScheduleEntry = { ruleId: AutomationRuleId; everyMs: number; jitterMs: number };

/** Keys of one tenant: `cxone:automation-<hash>:…` (BullMQ's) and `cxone:automation-<hash>:runner` (the active runner). */
export function redisTenantNames(tenantKey: string): { prefix: string; queueName: string; runnerKey: string } {
  const hash = createHash('sha256').update(tenantKey, 'utf8').digest('hex').slice(0, 24);
  const queueName = `automation-${hash}`;
  return { prefix: 'cxone', queueName, runnerKey: `cxone:${queueName}:runner` };
}

/** The same on every runner, so all agree on when a rule's ticks fall: a stable spread within `jitterMs`. */
function offsetOf(tenantKey: string, entry: ScheduleEntry): number {
  const spread = Math.min(entry.jitterMs, entry.everyMs - 1);
  if (spread < 1) return 0;
  const hash = createHash('sha256').update(`${tenantKey}\n${entry.ruleId}`, 'utf8').digest().readUInt32BE(0);
  return 1 + (hash % spread);
}

/** BullMQ names a scheduler's job `repeat:<schedulerId>:<millis>`: one job per rule and scheduled time. */
function tickOf(job: TickJob): ScheduledTick {
  const ruleId = automationRuleIdSchema.safeParse(job.name);
  const millis = /^repeat:[^:]+:(\d+)$/.exec(job.id ?? '')?.[1];
  if (!ruleId.success || millis === undefined) {
    throw new ConsoleFailure(consoleError('invalid_response', `Redis holds a job "${job.id ?? '?'}" (${job.name}) that is no automation tick.`));
  }
  const scheduledAt = Number(millis);
  return { ruleId: ruleId.data, key: `${ruleId.data}:${scheduledAt}`, scheduledAt };
}

/**
 * Runs a tenant's automation ticks through BullMQ on Redis. Every console with CXONE_REDIS_URL set creates
 * one; the one that holds the active-runner record acts: it keeps one job scheduler per rule (so each rule
 * and scheduled time is one job, whoever scheduled it) and runs a worker. When it dies its record expires,
 * another console takes over, and BullMQ's stalled-job check hands the tick it was running to the new one.
 */
export function createRedisTickCoordinator(options: RedisTickCoordinatorOptions): TickCoordinator {
  const url = redisUrlOf(options.redisUrl);
  const timings = { ...defaultRedisCoordinatorTimings, ...options.timings };
  const now = options.now ?? Date.now;
  const names = redisTenantNames(options.tenantKey);
  const report = (thrown: unknown) => options.onError?.(toConsoleError(thrown));
  const client = redisClientFor(url, report);
  const lease = activeRunnerLease(client, names.runnerKey, options.holder, timings.leaseTtlMs, now);

  let queue: Queue | null = null;
  let worker: { worker: Worker; own: { accepting: boolean } } | null = null;
  let schedule: ScheduleEntry[] = [];
  let run: ((tick: ScheduledTick) => Promise<void>) | null = null;
  let loop: Promise<void> | null = null;
  let lastHolderToken: string | null | undefined = undefined;
  const stopping = new AbortController();

  const viewOf = (record: ActiveRunnerRecord | null): AutomationRunnerView => runnerViewOf(record, lease.token);

  const noticeHolder = (record: ActiveRunnerRecord | null) => {
    const token = record?.token ?? null;
    if (token === lastHolderToken) return;
    lastHolderToken = token;
    options.onRunnerChange?.(viewOf(record));
  };

  /** The acting runner keeps one scheduler per rule in its schedule, and none for the others. */
  const syncSchedulers = async (target: Queue) => {
    const templateOpts = {
      attempts: timings.attempts,
      backoff: { type: 'exponential' as const, delay: timings.retryBackoffMs },
      removeOnComplete: { count: 200 },
      removeOnFail: { count: 200 },
    };
    for (const entry of schedule) {
      const offset = offsetOf(options.tenantKey, entry);
      const existing = await target.getJobScheduler(entry.ruleId);
      // Without an offset BullMQ keeps the phase of the first tick as the scheduler's offset: only the interval counts then.
      if (existing?.every === entry.everyMs && (offset === 0 || existing.offset === offset)) continue;
      await target.upsertJobScheduler(entry.ruleId, offset === 0 ? { every: entry.everyMs } : { every: entry.everyMs, offset }, {
        name: entry.ruleId,
        data: { ruleId: entry.ruleId },
        opts: templateOpts,
      });
    }
    for (const ruleId of automationRuleIds) {
      if (!schedule.some((entry) => entry.ruleId === ruleId)) await target.removeJobScheduler(ruleId);
    }
  };

  const inFlight = new Set<Promise<void>>();

  const startWorker = () => {
    const deliver = run;
    if (deliver === null) return;
    const own = { accepting: true };
    const processTick = async (job: TickJob, token?: string) => {
      const tick = tickOf(job);
      // A worker that is closing can still take one more job from BullMQ: hand it back untouched (no attempt
      // counted) for the next runner, rather than run it beside the runner that takes over.
      if (!own.accepting) {
        await job.moveToWait(token);
        throw new WaitingError();
      }
      // BullMQ puts a scheduler's stalled job back however often its runner died; a tick that took down
      // more runners than `maxStalledTicks` allows is set aside, so it cannot take down every console in turn.
      if (job.stalledCounter > timings.maxStalledTicks) {
        const error = consoleError('internal', `Tick ${tick.key} was cut short ${job.stalledCounter} times with its runner; it is not run again.`, {
          target: tick.key,
        });
        options.onError?.(error);
        return;
      }
      const running = deliver(tick);
      inFlight.add(running);
      try {
        await running;
      } finally {
        inFlight.delete(running);
      }
    };
    const created = new Worker<{ ruleId: AutomationRuleId }, void, string>(names.queueName, processTick, {
      connection: client,
      prefix: names.prefix,
      concurrency: 1,
      lockDuration: timings.lockDurationMs,
      stalledInterval: timings.stalledIntervalMs,
      maxStalledCount: timings.maxStalledTicks,
    });
    created.on('error', report);
    worker = { worker: created, own };
  };

  /** Takes no more ticks, waits for the one in flight (ours, and BullMQ's bookkeeping of it), then closes. */
  const stopWorker = async () => {
    const current = worker;
    worker = null;
    if (current === null) return;
    current.own.accepting = false;
    await Promise.allSettled([...inFlight]);
    await current.worker.close();
  };

  /**
   * One round: the holder refreshes (and stops working once the record is no longer its own), the others try
   * to take over. The holder without a worker yet (just taken over, or the last round failed half-way) syncs
   * the schedulers and starts one.
   */
  const round = async (target: Queue) => {
    if (lease.holds()) {
      if (!(await lease.refresh())) await stopWorker();
    } else if (await lease.acquire()) {
      noticeHolder(await lease.read());
    }
    if (!lease.holds()) {
      noticeHolder(await lease.read());
      return;
    }
    if (worker === null && !stopping.signal.aborted) {
      await syncSchedulers(target);
      startWorker();
    }
  };

  const contend = async (target: Queue) => {
    while (!stopping.signal.aborted) {
      try {
        await round(target);
      } catch (error) {
        report(error);
      }
      try {
        await delay(timings.leaseRefreshMs, stopping.signal);
      } catch {
        return;
      }
    }
  };

  return {
    async start(entries, deliver) {
      if (queue !== null || stopping.signal.aborted) {
        throw new ConsoleFailure(consoleError('conflict', 'This Redis runner is already started (or was stopped): create another one.'));
      }
      for (const entry of entries) {
        if (!(entry.everyMs >= 1)) throw new ConsoleFailure(consoleError('validation', `Rule ${entry.ruleId}: the interval must be at least 1 ms.`));
      }
      schedule = entries.map((entry) => ({ ...entry }));
      run = deliver;
      await connectRedis(client, url, timings.connectTimeoutMs);
      queue = new Queue(names.queueName, { connection: client, prefix: names.prefix });
      queue.on('error', report);
      const target = queue;
      await round(target).catch(report);
      loop = contend(target);
    },

    /** A rule enabled, disabled or its interval changed: the acting runner updates the schedulers at once; another does on taking over. */
    async reschedule(entries) {
      for (const entry of entries) {
        if (!(entry.everyMs >= 1)) throw new ConsoleFailure(consoleError('validation', `Rule ${entry.ruleId}: the interval must be at least 1 ms.`));
      }
      schedule = entries.map((entry) => ({ ...entry }));
      if (queue !== null && lease.holds()) await syncSchedulers(queue);
    },

    async runner() {
      try {
        const record = await withTimeout(lease.read(), timings.connectTimeoutMs, () => redisUnreachable(url.display));
        noticeHolder(record);
        return viewOf(record);
      } catch (error) {
        throw error instanceof ConsoleFailure ? error : new ConsoleFailure(redisUnreachable(url.display, error));
      }
    },

    async stop() {
      stopping.abort();
      await loop;
      // Waits for the tick in flight: BullMQ's close lets the running job finish.
      await stopWorker();
      if (queue !== null) {
        await lease.release().catch(report);
        await queue.close().catch(report);
        queue = null;
      }
      if (client.status !== 'wait' && client.status !== 'end') await client.quit().catch(() => client.disconnect());
    },
  };
}
