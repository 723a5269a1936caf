// The app's composition (createConsoleServices, as the desktop app and the headless host build it) with and
// without CXONE_REDIS_URL: Redis set, it registers as the tenant's runner in Redis; unset, it takes the
// data folder's lease; a bad URL fails naming CXONE_REDIS_URL, without hanging.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleServices, type ConsoleServices } from '../../../../electron/app/console-services';
import { redisTenantNames } from '../../../../electron/automation/redis/bullmq-tick-coordinator';
import { createJsonFileStore } from '../../../../electron/settings/json-file-store';
import { createFileVault } from '../../../../electron/vault/file-vault';
import { redisServerMissing, startRedisServer, type RunningRedis } from './redis-server';
import { until } from './runner-support';

const missing = redisServerMissing();

describe.skipIf(missing !== null)('the app composed with CXONE_REDIS_URL', () => {
  let redis: RunningRedis;
  let client: Redis;
  let silent: Server;
  let silentPort = 0;
  const sockets = new Set<Socket>();
  const opened: { services: ConsoleServices; dataDir: string }[] = [];
  const savedUrl = process.env.CXONE_REDIS_URL;

  beforeAll(async () => {
    redis = await startRedisServer();
    client = new Redis(redis.url, { lazyConnect: true });
    await client.connect();
    // A port where something listens but never answers: Redis "is there" and says nothing.
    silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as { port: number }).port;
  });
  afterEach(async () => {
    if (savedUrl === undefined) delete process.env.CXONE_REDIS_URL;
    else process.env.CXONE_REDIS_URL = savedUrl;
    for (const { services, dataDir } of opened.splice(0)) {
      await services.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    client?.disconnect();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => (silent ? silent.close(() => resolve()) : resolve()));
    await redis?.stop();
  });

  const open = async (redisUrl: string | null) => {
    if (redisUrl === null) delete process.env.CXONE_REDIS_URL;
    else process.env.CXONE_REDIS_URL = redisUrl;
    const dataDir = mkdtempSync(join(tmpdir(), 'cxone-app-redis-'));
    const services = await createConsoleServices({
      shell: 'web',
      version: 'test',
      dataDir,
      store: createJsonFileStore(join(dataDir, 'settings.json')),
      vault: createFileVault(join(dataDir, 'secrets.json')),
      demoTenant: { dialerTickMs: 0, activationMs: 200, contactsPerCampaign: 5, latencyMs: 0 },
    });
    opened.push({ services, dataDir });
    return { services, dataDir };
  };
  // The embedded demo's automation key is its profile id (its port changes each launch).
  const runnerKey = redisTenantNames('demo').runnerKey;
  const queueKeys = async () => client.keys(`${redisTenantNames('demo').prefix}:${redisTenantNames('demo').queueName}:*`);

  it('with CXONE_REDIS_URL the app registers as the runner in Redis and schedules an enabled rule as a BullMQ job scheduler, no data-folder lease', async () => {
    const { services, dataDir } = await open(redis.url);
    await until(async () => (await client.get(runnerKey)) !== null, 'the app to hold the Redis active-runner record');
    const record = JSON.parse((await client.get(runnerKey)) ?? '{}') as Record<string, unknown>;
    expect(record).toMatchObject({ kind: 'app', pid: process.pid });
    const { runner } = await services.handlers['automation:rules']({});
    expect(runner).toMatchObject({ mode: 'redis', holder: { kind: 'this-app' } });
    await services.handlers['automation:setEnabled']({ ruleId: 'capacity', enabled: true });
    await until(async () => (await queueKeys()).some((key) => key.endsWith(':repeat')), "the capacity rule's job scheduler in Redis");
    const scheduler = await client.zrange(`cxone:${redisTenantNames('demo').queueName}:repeat`, '0', '-1');
    expect(scheduler).toContain('capacity');
    expect(existsSync(join(dataDir, 'automation', 'demo', 'lease.json'))).toBe(false);
    await services.dispose();
    opened.splice(0, 1);
    rmSync(dataDir, { recursive: true, force: true });
    // Disposed: the record is given up for the next runner.
    expect(await client.get(runnerKey)).toBeNull();
  });

  it('without CXONE_REDIS_URL the app runs an enabled rule on the data-folder lease and writes nothing to Redis', async () => {
    await client.flushall();
    const { services, dataDir } = await open(null);
    await services.handlers['automation:setEnabled']({ ruleId: 'capacity', enabled: true });
    const { runner } = await services.handlers['automation:rules']({});
    expect(runner).toMatchObject({ mode: 'data-folder', holder: { kind: 'this-app' } });
    await until(() => existsSync(join(dataDir, 'automation', 'demo', 'lease.json')), 'the data-folder lease');
    expect(await client.dbsize()).toBe(0);
  });

  it.each([
    ['malformed', () => 'http://localhost:6379', /CXONE_REDIS_URL must start with redis:\/\//],
    ['at a port nothing listens on', () => 'redis://127.0.0.1:1', /Redis at redis:\/\/127\.0\.0\.1:1 \(CXONE_REDIS_URL\) does not answer/],
    ['at a port that never answers', () => `redis://127.0.0.1:${silentPort}`, /\(CXONE_REDIS_URL\) does not answer/],
  ])(
    'CXONE_REDIS_URL %s fails the Automation screen naming the variable, and nothing falls back to the data folder',
    async (_what, url, message) => {
      const { services, dataDir } = await open(url());
      const failure = await services.handlers['automation:rules']({}).then(
        () => null,
        (error: unknown) => error,
      );
      expect(String(failure instanceof Error ? failure.message : failure)).toMatch(message);
      expect(existsSync(join(dataDir, 'automation', 'demo', 'lease.json'))).toBe(false);
    },
    90_000,
  );
});
