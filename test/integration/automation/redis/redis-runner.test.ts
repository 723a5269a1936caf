import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisTickCoordinator, redisTenantNames } from '../../../../electron/automation/redis/bullmq-tick-coordinator';
import type { AutomationRunnerView } from '../../../../shared/automation/automation-rules';
import { startDemoTenant, type DemoTenantHandle } from '../../../../electron/demo-tenant/index';
import { connectTenant } from '../../../../electron/tenant/connect';
import type { TenantConnection } from '../../../../electron/tenant/ports';
import { demoProfile } from '../../../../electron/tenant-session/demo-profile';
import type { ScheduledTick, TickCoordinator } from '../../../../electron/automation/tick-coordinator';
import { redisServerMissing, startRedisServer, type RunningRedis } from './redis-server';
import { appCoordinator, buildChildRunner, newTenantKey, tickWriter, until, type ChildRunner, type TickLog } from './runner-support';

const missing = redisServerMissing();

// A stopping runner gives its lease up at once, so handovers need no short lease: a long one (and BullMQ's
// long default lock) keeps a starved machine from making a healthy runner look dead. Only the crash test
// waits for a lease and a lock to expire; a few seconds keep a busy machine's pauses well below them.
const handoverTimings = { leaseTtlMs: 10_000, leaseRefreshMs: 100, retryBackoffMs: 50 };
const crashTimings = { leaseTtlMs: 4_000, leaseRefreshMs: 100, lockDurationMs: 4_000, stalledIntervalMs: 300 };
const hourly = 3_600_000;

describe.skipIf(missing !== null)(`the Redis runner (BullMQ) on one demo tenant${missing ? ` — skipped: ${missing}` : ''}`, () => {
  let redis: RunningRedis;
  let tenant: DemoTenantHandle;
  let startChild: Awaited<ReturnType<typeof buildChildRunner>>;
  const connections: TenantConnection[] = [];
  const connect = () => {
    const connection = connectTenant(demoProfile(tenant), async () => tenant.clientSecret);
    connections.push(connection);
    return connection;
  };

  beforeAll(async () => {
    [redis, tenant, startChild] = await Promise.all([
      startRedisServer(),
      startDemoTenant({ seed: 11, dialerTickMs: 0, campaignCount: 6, contactsPerCampaign: 5 }),
      buildChildRunner('test-redis-runner'),
    ]);
  });
  afterAll(async () => {
    for (const connection of connections) connection.close();
    await tenant?.close();
    await redis?.stop();
  });

  // A paused or draft campaign: nothing but the runs changes it (an activating one turns running on its own, a new version).
  const campaignOf = (index: number) =>
    [...tenant.state.campaigns.values()].filter((campaign) => campaign.status === 'paused' || campaign.status === 'draft')[index]!;
  const holderLabel = async (coordinator: TickCoordinator) => (await coordinator.runner()).holder?.label ?? null;

  /**
   * Runners on one tenant, all scheduling the same rule; the acting one is stopped after it ran some
   * ticks, then the next, until one is left. Every tick lands on the tenant exactly once.
   */
  async function handOverThrough(count: number, campaignIndex: number) {
    const tenantKey = newTenantKey();
    const campaign = campaignOf(campaignIndex);
    const versionBefore = campaign.version;
    const log: TickLog = { executions: [], failures: [] };
    const { executions } = log;
    const runners = Array.from({ length: count }, (_, index) => {
      const label = `runner ${index + 1}`;
      return { label, coordinator: appCoordinator(redis.url, tenantKey, label, handoverTimings), connection: connect() };
    });
    await Promise.all(
      runners.map(({ label, coordinator, connection }) =>
        coordinator.start([{ ruleId: 'capacity', everyMs: 250, jitterMs: 0 }], tickWriter(connection, campaign.id, label, log)),
      ),
    );

    const raw = new Redis(redis.url);
    const queue = new Queue(redisTenantNames(tenantKey).queueName, { connection: raw, prefix: redisTenantNames(tenantKey).prefix });
    const schedulers = await queue.getJobSchedulers();
    await queue.close();
    raw.disconnect();
    expect(
      schedulers.map((scheduler) => [scheduler.key, scheduler.every]),
      'one scheduler for the rule, whoever runs',
    ).toEqual([['capacity', 250]]);

    const served: string[] = [];
    let remaining = [...runners];
    while (remaining.length > 0) {
      const ranBefore = executions.length;
      await until(async () => (await holderLabel(remaining[0]!.coordinator)) !== null, 'a runner to take over');
      const acting = await holderLabel(remaining[0]!.coordinator);
      const holder = remaining.find((runner) => runner.label === acting)!;
      expect(holder, `the holder "${acting}" is one of the runners still running`).toBeDefined();
      const views = await Promise.all(remaining.map(({ coordinator }) => coordinator.runner()));
      for (const [index, view] of views.entries()) {
        expect(view.mode).toBe('redis');
        expect(view.holder).toMatchObject({ label: acting, kind: remaining[index] === holder ? 'this-app' : 'other-app', pid: process.pid });
        expect(Number.isNaN(Date.parse(view.holder!.since))).toBe(false);
      }
      await until(() => executions.slice(ranBefore).filter((execution) => execution.runner === acting).length >= 3, `${acting} to run three ticks`);
      await holder.coordinator.stop();
      served.push(holder.label);
      remaining = remaining.filter((runner) => runner !== holder);
    }

    expect(served).toHaveLength(count);
    const keys = executions.map((execution) => execution.key);
    expect(new Set(keys).size, 'no tick ran twice').toBe(keys.length);
    expect(keys.every((key) => key.startsWith('capacity:'))).toBe(true);
    const after = tenant.state.campaigns.get(campaign.id)!;
    const written = Object.keys(after.customAttributes).filter((name) => name.startsWith('tick '));
    expect(written.sort()).toEqual(keys.map((key) => `tick ${key}`).sort());
    // One write per completed run, plus at most one per run that rejected (its write may have landed before the answer was lost).
    const writes = after.version - versionBefore;
    expect(writes).toBeGreaterThanOrEqual(executions.length);
    expect(writes, `runs that rejected: ${JSON.stringify(log.failures)}`).toBeLessThanOrEqual(executions.length + log.failures.length);
    for (const label of served) expect(executions.some((execution) => execution.runner === label)).toBe(true);
  }

  it('two runners on one tenant execute each tick exactly once, handing over when the acting one stops', async () => {
    await handOverThrough(2, 0);
  });

  it('three runners on one tenant execute each tick exactly once through two handovers', async () => {
    await handOverThrough(3, 1);
  });

  it('a runner killed mid-tick is replaced and its tick retried by another runner', async () => {
    const tenantKey = newTenantKey();
    const child: ChildRunner = startChild({
      TEST_REDIS_URL: redis.url,
      TEST_TENANT_KEY: tenantKey,
      TEST_TIMINGS: JSON.stringify(crashTimings),
      TEST_EVERY_MS: String(hourly),
    });
    try {
      await until(() => child.lines.some((line) => line.event === 'running'), 'the child runner to start its tick');
      const killedTick = child.lines.find((line) => line.event === 'running')!.key as string;

      const delivered: ScheduledTick[] = [];
      const survivor = appCoordinator(redis.url, tenantKey, 'survivor', crashTimings);
      await survivor.start([{ ruleId: 'weather', everyMs: hourly, jitterMs: 0 }], async (tick) => {
        delivered.push(tick);
      });
      const whileChildActs = await survivor.runner();
      expect(whileChildActs.holder).toMatchObject({ kind: 'cli', pid: child.child.pid, label: `cxone-console (pid ${child.child.pid})` });
      expect(delivered).toEqual([]);

      child.child.kill('SIGKILL');
      await child.exited;
      await until(() => delivered.length > 0, 'the survivor to retry the killed tick');
      expect(delivered[0]!.key).toBe(killedTick);
      expect(delivered[0]).toMatchObject({ ruleId: 'weather', key: `weather:${delivered[0]!.scheduledAt}` });
      const afterKill = await survivor.runner();
      expect(afterKill.holder).toMatchObject({ kind: 'this-app', label: 'survivor', pid: process.pid });
      expect(Date.parse(afterKill.holder!.since)).toBeGreaterThanOrEqual(Date.parse(whileChildActs.holder!.since));
      await survivor.stop();
      expect(delivered.filter((tick) => tick.key === killedTick)).toHaveLength(1);
    } finally {
      child.child.kill('SIGKILL');
    }
  });

  it('stop() waits for the tick in flight, then gives the tenant up', async () => {
    const tenantKey = newTenantKey();
    const order: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const coordinator = appCoordinator(redis.url, tenantKey, 'stopping', handoverTimings);
    const observer = appCoordinator(redis.url, tenantKey, 'observer', handoverTimings);
    await coordinator.start([{ ruleId: 'weather', everyMs: hourly, jitterMs: 0 }], async () => {
      order.push('run started');
      await gate;
      order.push('run finished');
    });
    await until(() => order.includes('run started'), 'the tick to start');
    const stopped = coordinator.stop().then(() => order.push('stopped'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(order).toEqual(['run started']);
    release();
    await stopped;
    expect(order).toEqual(['run started', 'run finished', 'stopped']);
    expect(await observer.runner()).toEqual({ mode: 'redis', holder: null });
    await observer.stop();
  });

  it('a runner whose record another runner took stops acting and names the new holder', async () => {
    const tenantKey = newTenantKey();
    const names = redisTenantNames(tenantKey);
    const views: AutomationRunnerView[] = [];
    const coordinator = createRedisTickCoordinator({
      redisUrl: redis.url,
      tenantKey,
      holder: { kind: 'app', host: 'test-host', pid: process.pid, label: 'displaced' },
      timings: handoverTimings,
      onRunnerChange: (view) => views.push(view),
    });
    const raw = new Redis(redis.url);
    const queue = new Queue(names.queueName, { connection: raw, prefix: names.prefix });
    try {
      await coordinator.start([{ ruleId: 'weather', everyMs: hourly, jitterMs: 0 }], async () => {});
      await until(async () => (await queue.getWorkersCount()) === 1, 'the holder to start its worker');
      const other = { token: 'elsewhere', kind: 'cli', host: 'ops-2', pid: 4242, label: 'cxone-console on ops-2', since: new Date().toISOString() };
      await raw.set(names.runnerKey, JSON.stringify(other), 'PX', 60_000);
      await until(() => views.some((view) => view.holder?.label === other.label), 'the displaced runner to notice');
      await until(async () => (await queue.getWorkersCount()) === 0, 'the displaced runner to stop its worker');
      expect(views.map((view) => view.holder?.kind)).toEqual(['this-app', 'cli']);
      expect(await coordinator.runner()).toEqual({ mode: 'redis', holder: { kind: 'cli', host: 'ops-2', pid: 4242, label: other.label, since: other.since } });
      await coordinator.stop();
      expect(JSON.parse((await raw.get(names.runnerKey))!)).toEqual(other);
    } finally {
      await queue.close();
      raw.disconnect();
    }
  });

  it('retries a tick whose run rejects, under the same key', async () => {
    const tenantKey = newTenantKey();
    const keys: string[] = [];
    const coordinator = appCoordinator(redis.url, tenantKey, 'retrying', { ...handoverTimings, attempts: 2, retryBackoffMs: 20 });
    await coordinator.start([{ ruleId: 'capacity', everyMs: hourly, jitterMs: 0 }], async (tick) => {
      keys.push(tick.key);
      if (keys.length === 1) throw new Error('the tenant did not answer');
    });
    await until(() => keys.length === 2, 'the retry');
    await coordinator.stop();
    expect(keys[1]).toBe(keys[0]);
    expect(keys).toHaveLength(2);
  });

  it('says nobody holds the tenant before any runner starts', async () => {
    const coordinator = appCoordinator(redis.url, newTenantKey(), 'idle', handoverTimings);
    expect(await coordinator.runner()).toEqual({ mode: 'redis', holder: null });
    await coordinator.stop();
  });

  it('refuses to start when Redis does not answer, naming CXONE_REDIS_URL', async () => {
    const coordinator = appCoordinator('redis://127.0.0.1:1', newTenantKey(), 'nowhere', { connectTimeoutMs: 2_000 });
    await expect(coordinator.start([], async () => {})).rejects.toMatchObject({
      error: { kind: 'network', message: expect.stringContaining('CXONE_REDIS_URL') as unknown },
    });
  });
});
