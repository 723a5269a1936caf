// `cxone-console automation weather --once` and `automation run` with CXONE_REDIS_URL, as processes: a one-off
// tick takes the tenant's Redis active-runner record for its run (so two on two machines never both write),
// and a bad URL fails naming CXONE_REDIS_URL instead of hanging or falling back to the data folder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoTenantHandle } from '../../../../electron/demo-tenant/index';
import { automationTenantDir, automationTenantKey } from '../../../../electron/automation/automation-folder';
import { redisTenantNames } from '../../../../electron/automation/redis/bullmq-tick-coordinator';
import { automationRules } from '../../../../electron/automation/rule-registry';
import { buildCli } from '../../../support/cli-process';
import { startTenant } from '../../tenant/support';
import { tempDir } from '../support';
import { redisServerMissing, startRedisServer, type RunningRedis } from './redis-server';
import { until } from './runner-support';

const missing = redisServerMissing();
const hasWeatherRule = automationRules().some((rule) => rule.id === 'weather');

describe.skipIf(missing !== null || !hasWeatherRule)('automation --once and a bad CXONE_REDIS_URL on the command line', () => {
  let redis: RunningRedis;
  let client: Redis;
  let tenant: DemoTenantHandle;
  let folder: Awaited<ReturnType<typeof tempDir>>;
  let startCli: Awaited<ReturnType<typeof buildCli>>;
  let env: NodeJS.ProcessEnv;
  let runnerKey = '';
  const running = new Set<ReturnType<Awaited<ReturnType<typeof buildCli>>>>();

  beforeAll(async () => {
    startCli = await buildCli('test-automation-redis-once');
    redis = await startRedisServer();
    client = new Redis(redis.url, { lazyConnect: true });
    await client.connect();
    // Slow answers, so the one-off tick is still writing while the test looks at Redis.
    tenant = await startTenant({ latencyMs: 150, campaignCount: 20 });
    const regions = [
      ...new Set(
        [...tenant.state.campaigns.values()]
          .filter((c) => c.status === 'running')
          .map((c) => c.customAttributes.region)
          .filter(Boolean),
      ),
    ] as string[];
    const hour = 3_600_000;
    tenant.setWeatherAlerts([
      {
        id: 'storm',
        event: 'Winter Storm Warning',
        severity: 'Severe',
        regions,
        effective: new Date(Date.now() - hour).toISOString(),
        expires: new Date(Date.now() + hour).toISOString(),
      },
    ]);
    folder = await tempDir();
    env = {
      ...process.env,
      CXONE_DATA_DIR: folder.dir,
      CXONE_BASE_URL: tenant.url,
      CXONE_CLIENT_ID: tenant.clientId,
      CXONE_CLIENT_SECRET: tenant.clientSecret,
      CXONE_REDIS_URL: redis.url,
    };
    runnerKey = redisTenantNames(automationTenantKey({ profileId: 'cli', isDemo: false, apiBaseUrl: tenant.url, clientId: tenant.clientId })).runnerKey;
  });
  afterAll(async () => {
    for (const cli of running) cli.child.kill('SIGKILL');
    await Promise.all([...running].map((cli) => cli.finished));
    client?.disconnect();
    await tenant?.close();
    await redis?.stop();
    await folder?.remove();
  });

  const start = (args: string[], changes: NodeJS.ProcessEnv = {}) => {
    const cli = startCli(args, { ...env, ...changes });
    running.add(cli);
    void cli.finished.then(() => running.delete(cli));
    return cli;
  };
  const weatherOnce = ['automation', 'weather', '--once'];
  // The running campaigns' statuses: the storm pauses them when a tick writes (the demo moves the others along meanwhile).
  let runningIds: string[] = [];
  const versions = () => runningIds.map((id) => `${id}:${tenant.state.campaigns.get(id)?.status}`).join(',');
  const dir = () => automationTenantDir(folder.dir, { profileId: 'cli', isDemo: false, apiBaseUrl: tenant.url, clientId: tenant.clientId });

  it('a one-off tick is refused while another runner holds the Redis record, and writes nothing', async () => {
    const other = JSON.stringify({
      token: 'elsewhere',
      kind: 'app',
      host: 'ops-laptop',
      pid: 4242,
      label: 'Console app (lead)',
      since: new Date().toISOString(),
    });
    await client.set(runnerKey, other, 'PX', 600_000);
    runningIds = [...tenant.state.campaigns.values()].filter((c) => c.status === 'running').map((c) => c.id);
    expect(runningIds.length).toBeGreaterThan(0);
    const before = versions();
    try {
      const refused = await start([...weatherOnce, '--alerts-url', `${tenant.url}/demo/alerts/nws`]).finished;
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('another console app (Console app (lead)) on ops-laptop, pid 4242');
      expect(versions()).toBe(before);
      expect(await client.get(runnerKey)).toBe(other);
      // A dry run writes nothing, so it needs no runner's record.
      const dry = await start([...weatherOnce, '--dry-run', '--alerts-url', `${tenant.url}/demo/alerts/nws`]).finished;
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain('would-apply');
      expect(versions()).toBe(before);
    } finally {
      await client.del(runnerKey);
    }
  });

  it('a one-off tick holds the Redis record (not the data-folder lease) while it writes, and gives it back', async () => {
    const cli = start([...weatherOnce, '--alerts-url', `${tenant.url}/demo/alerts/nws`]);
    let seen: Record<string, unknown> | null = null;
    let leaseFile = false;
    let exited = false;
    void cli.finished.then(() => (exited = true));
    await until(async () => {
      const text = await client.get(runnerKey);
      if (text !== null) seen = JSON.parse(text) as Record<string, unknown>;
      leaseFile ||= existsSync(join(dir(), 'lease.json'));
      return seen !== null || exited;
    }, 'the one-off tick to take the Redis record');
    expect(seen).toMatchObject({ kind: 'cli', pid: cli.child.pid });
    // While it holds the record a second one-off tick, as from another machine, is refused.
    const second = await start([...weatherOnce, '--alerts-url', `${tenant.url}/demo/alerts/nws`], { CXONE_DATA_DIR: join(folder.dir, 'second') }).finished;
    const first = await cli.finished;
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/ weather \S+ .* pause applied/);
    expect(leaseFile || existsSync(join(dir(), 'lease.json'))).toBe(false);
    expect(await client.get(runnerKey)).toBeNull();
    if (second.code !== 0) expect(second.stderr).toContain("This tenant's automation is run by the command line");
    else expect(second.stdout, 'a second tick that ran must have come after the first').not.toMatch(/pause applied/);
  }, 120_000);

  it.each([
    ['malformed', 'redis//localhost', 2, /CXONE_REDIS_URL must be a URL/],
    ['at a port nothing listens on', 'redis://127.0.0.1:1', 1, /Redis at redis:\/\/127\.0\.0\.1:1 \(CXONE_REDIS_URL\) does not answer/],
  ])(
    'CXONE_REDIS_URL %s: `automation run` and `--once` exit naming it, and take no data-folder lease',
    async (_what, url, code, message) => {
      const [run, once] = await Promise.all([
        start(['automation', 'run'], { CXONE_REDIS_URL: url }).finished,
        start([...weatherOnce, '--alerts-url', `${tenant.url}/demo/alerts/nws`], { CXONE_REDIS_URL: url }).finished,
      ]);
      for (const finished of [run, once]) {
        expect(finished.code, finished.stderr).toBe(code);
        expect(finished.stderr).toMatch(message);
      }
      expect(existsSync(join(dir(), 'lease.json'))).toBe(false);
    },
    120_000,
  );
});
