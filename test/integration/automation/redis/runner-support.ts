// What the Redis runner tests share: coordinators on one tenant key, a run callback that writes each tick
// to the demo tenant, and the child-process runner built the way the CLI is shipped.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { createRedisTickCoordinator, type RedisCoordinatorTimings } from '../../../../electron/automation/redis/bullmq-tick-coordinator';
import type { ScheduledTick, TickCoordinator } from '../../../../electron/automation/tick-coordinator';
import type { TenantConnection } from '../../../../electron/tenant/ports';

/** Waits for `condition`, polling; the limit only turns a hang into a readable failure. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, limitMs = 45_000): Promise<void> {
  const giveUpAt = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > giveUpAt) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const newTenantKey = () => `https://tenant.test\n${randomUUID()}`;

export function appCoordinator(redisUrl: string, tenantKey: string, label: string, timings: Partial<RedisCoordinatorTimings>): TickCoordinator {
  return createRedisTickCoordinator({ redisUrl, tenantKey, holder: { kind: 'app', host: 'test-host', pid: process.pid, label }, timings });
}

export interface Execution {
  key: string;
  runner: string;
}

/** What the runs did: ticks whose run completed, and runs that rejected (BullMQ retries those). */
export interface TickLog {
  executions: Execution[];
  failures: { key: string; runner: string; error: string }[];
}

/**
 * A run callback that writes the tick onto one demo campaign (a custom attribute named after the tick,
 * through the tenant client), so every write is one version of the campaign on the tenant. A run whose
 * write was applied but answered too late on a busy machine rejects, and its retry writes again.
 */
export function tickWriter(connection: TenantConnection, campaignId: string, runner: string, log: TickLog) {
  return async (tick: ScheduledTick) => {
    try {
      const { id: _id, status: _status, version, createdAt: _created, updatedAt: _updated, ...definition } = await connection.campaigns.get(campaignId);
      await connection.campaigns.replace(campaignId, {
        ...definition,
        customAttributes: { ...definition.customAttributes, [`tick ${tick.key}`]: runner },
        version,
      });
    } catch (error) {
      log.failures.push({ key: tick.key, runner, error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
    log.executions.push({ key: tick.key, runner });
  };
}

export interface ChildRunner {
  child: ChildProcess;
  /** The JSON lines it printed so far. */
  lines: Record<string, unknown>[];
  exited: Promise<void>;
}

/** Bundles runner-process.ts into out/<folder>/ and returns a starter for processes of it. */
export async function buildChildRunner(folder: string): Promise<(env: Record<string, string>) => ChildRunner> {
  const outdir = resolve('out', folder);
  await build({
    entryPoints: { 'runner-process': 'test/integration/automation/redis/runner-process.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const path = resolve(outdir, 'runner-process.mjs');
  return (env) => {
    const child = spawn(process.execPath, [path], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: Record<string, unknown>[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
    const exited = new Promise<void>((settle) => child.once('exit', () => settle()));
    return { child, lines, exited };
  };
}
