// Two `cxone-console automation run` processes on two data folders (two machines) sharing one Redis and one
// demo tenant: each rule's tick runs once across both, and when the one that acts is killed (SIGKILL) the
// other takes over and carries on. Intervals are the rules' real minimum (1 minute): this test takes minutes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoTenantHandle } from '../../../../electron/demo-tenant/index';
import { automationTenantDir, automationTenantKey } from '../../../../electron/automation/automation-folder';
import { redisTenantNames } from '../../../../electron/automation/redis/bullmq-tick-coordinator';
import { automationRules } from '../../../../electron/automation/rule-registry';
import { buildCli, type RunningCli } from '../../../support/cli-process';
import { connectTo, startTenant } from '../../tenant/support';
import { enableRuleAsTheAppWould, tempDir } from '../support';
import { redisServerMissing, startRedisServer, type RunningRedis } from './redis-server';
import { until } from './runner-support';

const missing = redisServerMissing();
const hasCapacityRule = automationRules().some((rule) => rule.id === 'capacity');
const minute = 60_000;

describe.skipIf(missing !== null || !hasCapacityRule)('two automation run processes sharing one Redis', () => {
  let redis: RunningRedis;
  let tenant: DemoTenantHandle;
  let folders: Awaited<ReturnType<typeof tempDir>>[] = [];
  let startCli: Awaited<ReturnType<typeof buildCli>>;
  let queue: Queue;
  const running = new Set<RunningCli>();

  beforeAll(async () => {
    startCli = await buildCli('test-automation-redis-runners');
    redis = await startRedisServer();
    tenant = await startTenant({ campaignCount: 8 });
    folders = [await tempDir(), await tempDir()];
    const names = redisTenantNames(automationTenantKey({ profileId: 'cli', isDemo: false, apiBaseUrl: tenant.url, clientId: tenant.clientId }));
    queue = new Queue(names.queueName, { connection: { url: redis.url }, prefix: names.prefix });
  });
  afterAll(async () => {
    for (const cli of running) cli.child.kill('SIGKILL');
    await Promise.all([...running].map((cli) => cli.finished));
    await queue?.close();
    await tenant?.close();
    await redis?.stop();
    for (const folder of folders) await folder.remove();
  });

  const dirOf = (dataDir: string) => automationTenantDir(dataDir, { profileId: 'cli', isDemo: false, apiBaseUrl: tenant.url, clientId: tenant.clientId });
  /** The capacity rule's ticks a folder recorded: one tick id per tick, each with its decisions. */
  const ticksIn = (dataDir: string): Set<string> => {
    const path = join(dirOf(dataDir), 'capacity.decisions.jsonl');
    if (!existsSync(path)) return new Set();
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    return new Set(lines.map((line) => (JSON.parse(line) as { tickId: string }).tickId));
  };
  const completedTicks = async () => (await queue.getJobs(['completed'])).filter((job) => job.name === 'capacity').length;

  it(
    'runs each tick once across both, and the survivor carries on after the acting one is killed',
    async () => {
      // The capacity rule enabled every minute, as the app would save it, in each machine's own data folder.
      for (const folder of folders) {
        const dir = dirOf(folder.dir);
        const connection = connectTo(tenant);
        await enableRuleAsTheAppWould(dir, connection, tenant.url, 'capacity', { intervalMinutes: 1 });
        connection.close();
      }
      expect([...tenant.state.campaigns.values()].some((c) => c.status === 'running')).toBe(true);

      const runners = folders.map((folder) => {
        const cli = startCli(['automation', 'run'], {
          ...process.env,
          CXONE_DATA_DIR: folder.dir,
          CXONE_BASE_URL: tenant.url,
          CXONE_CLIENT_ID: tenant.clientId,
          CXONE_CLIENT_SECRET: tenant.clientSecret,
          CXONE_REDIS_URL: redis.url,
        });
        running.add(cli);
        let stderr = '';
        cli.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        let exited = false;
        void cli.finished.then(() => (exited = true));
        return { cli, folder, stderr: () => stderr, exited: () => exited };
      });
      const acting = () => runners.filter((runner) => runner.stderr().includes('this process holds the lease'));
      await until(
        () => acting().length > 0 && runners.every((runner) => /holds the lease|Waiting: /.test(runner.stderr())),
        'one runner to act, the other to wait',
        90_000,
      );
      expect(runners.every((runner) => !runner.exited())).toBe(true);
      expect(acting()).toHaveLength(1);
      // Neither folder holds a data-folder lease: the runners share Redis's record.
      for (const runner of runners) expect(existsSync(join(dirOf(runner.folder.dir), 'lease.json'))).toBe(false);

      const first = acting()[0]!;
      const survivor = runners.find((runner) => runner !== first)!;
      await until(async () => (await completedTicks()) >= 2, 'two capacity ticks', 4 * minute);
      // Every tick ran by the acting runner, none by the waiting one: one run per scheduled tick across both.
      expect(ticksIn(survivor.folder.dir).size).toBe(0);
      const beforeKill = ticksIn(first.folder.dir);
      expect(beforeKill.size).toBeGreaterThanOrEqual(2);

      first.cli.child.kill('SIGKILL');
      await first.cli.finished;
      await until(() => survivor.stderr().includes('this process holds the lease'), 'the survivor to take over', 2 * minute);
      await until(() => ticksIn(survivor.folder.dir).size >= 1, "a tick on the survivor's data folder", 4 * minute);

      survivor.cli.child.kill('SIGTERM');
      const finished = await survivor.cli.finished;
      expect(finished.code, finished.stderr).toBe(0);

      // Each completed tick job (one per rule and scheduled time) was recorded once across both folders; a tick
      // the kill cut short after it was recorded but before its job completed is the one that can count twice.
      const recorded = ticksIn(first.folder.dir).size + ticksIn(survivor.folder.dir).size;
      const completed = await completedTicks();
      expect(recorded).toBeGreaterThanOrEqual(completed);
      expect(recorded).toBeLessThanOrEqual(completed + 1);
    },
    12 * minute,
  );
});
