import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { createDataFolderCoordinator } from '../../../electron/automation/data-folder-coordinator';
import { createRunnerLease } from '../../../electron/automation/runner-lease';
import type { TenantConnection } from '../../../electron/tenant/ports';
import { connectTo, startTenant } from '../tenant/support';
import { engineFor, eventually, pausingRule, tempDir } from './support';

const user = { type: 'user' as const, name: 'lead (test)' };

describe('one runner per tenant on a data folder', () => {
  let tenant: DemoTenantHandle;
  let connection: TenantConnection;
  let folder: Awaited<ReturnType<typeof tempDir>>;
  const stops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    tenant = await startTenant();
    connection = connectTo(tenant);
  });
  afterAll(async () => {
    connection.close();
    await tenant.close();
  });
  beforeEach(async () => {
    folder = await tempDir();
  });
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await folder.remove();
  });

  const engine = async (kind: 'app' | 'cli', label: string, leaseMs = 3000) => {
    const built = engineFor({ dir: folder.dir, connection, rules: [pausingRule(() => [])] }, { kind, label, leaseMs });
    stops.push(() => built.engine.stop());
    return built.engine;
  };

  it('lets only one of two engines hold the lease; the other names the holder, refuses a real run, and takes over once the holder stops', async () => {
    const app = await engine('app', 'Console app');
    await app.start();
    await app.setEnabled('capacity', true, user);
    await eventually(async () => (await app.runner()).holder?.kind === 'this-app', 'the app to hold the lease');

    const cli = await engine('cli', 'cxone-console automation run');
    await cli.start();
    const seen = await cli.runner();
    expect(seen.holder).toMatchObject({ kind: 'other-app', label: 'Console app', pid: process.pid });
    await expect(cli.runOnce('capacity', false)).rejects.toThrow(/run by another console app \(Console app\)/);
    expect((await cli.runOnce('capacity', true)).summary.dryRun).toBe(true);

    await app.stop();
    await eventually(async () => (await cli.runner()).holder?.kind === 'this-app', 'the command line to take the lease over');
    expect((await app.runner()).holder).toMatchObject({ kind: 'cli', label: 'cxone-console automation run' });
    const lease = JSON.parse(await readFile(join(folder.dir, 'lease.json'), 'utf8')) as { holder: { kind: string } };
    expect(lease.holder.kind).toBe('cli');
  });

  it('takes over a lease whose holder died without releasing it, once it expires', async () => {
    const dead = createRunnerLease({ dir: folder.dir, kind: 'cli', label: 'killed runner', leaseMs: 400 });
    expect(await dead.tryAcquire()).toEqual({ held: true });
    const app = await engine('app', 'Console app');
    await app.start();
    await app.setEnabled('capacity', true, user);
    expect((await app.runner()).holder).toMatchObject({ kind: 'cli', label: 'killed runner' });
    await eventually(async () => (await app.runner()).holder?.kind === 'this-app', 'the expired lease to be taken over');
    expect(await dead.tryAcquire()).toMatchObject({ held: false, holder: { label: 'Console app' } });
  });

  it('holds no lease while no rule is enabled, so another runner with rules to run can act', async () => {
    const app = await engine('app', 'Console app');
    await app.start();
    expect((await app.runner()).holder).toBeNull();
  });

  it('runs scheduled ticks only on the holder, again and again', async () => {
    const ticks: string[] = [];
    const holder = createDataFolderCoordinator({ dir: folder.dir, kind: 'app', label: 'first', leaseMs: 3000 });
    const other = createDataFolderCoordinator({ dir: folder.dir, kind: 'cli', label: 'second', leaseMs: 3000 });
    stops.push(
      () => holder.stop(),
      () => other.stop(),
    );
    const schedule = [{ ruleId: 'capacity' as const, everyMs: 30, jitterMs: 10 }];
    await holder.start(schedule, async (tick) => void ticks.push(`first:${tick.key}`));
    await other.start(schedule, async (tick) => void ticks.push(`second:${tick.key}`));
    await eventually(() => ticks.length >= 3, 'three ticks');
    expect(ticks.every((tick) => tick.startsWith('first:'))).toBe(true);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(holder.nextRunAt?.('capacity')).not.toBeNull();
    expect(other.nextRunAt?.('capacity')).toBeNull();
    await holder.stop();
    const count = ticks.length;
    await eventually(() => ticks.some((tick, index) => index >= count && tick.startsWith('second:')), 'the second runner to tick after the first stopped');
  });

  it('ticks an enabled rule on its schedule, each tick recorded as scheduled, and stops ticking once disabled', async () => {
    const targets = [...tenant.state.campaigns.values()]
      .filter((c) => c.status === 'running')
      .slice(0, 1)
      .map((c) => c.id);
    const real = createDataFolderCoordinator({ dir: folder.dir, kind: 'app', label: 'fast', leaseMs: 3000 });
    // The rule's interval is minutes; the schedule is shortened so the test sees several ticks.
    type Schedule = Parameters<typeof real.start>[0];
    const shorten = (schedule: Schedule) => schedule.map((entry) => ({ ruleId: entry.ruleId, everyMs: 40, jitterMs: 10 }));
    const fast = {
      ...real,
      start: (schedule: Schedule, run: Parameters<typeof real.start>[1]) => real.start(shorten(schedule), run),
      reschedule: (schedule: Schedule) => real.reschedule!(shorten(schedule)),
    };
    const built = engineFor({ dir: folder.dir, connection, rules: [pausingRule(() => targets)], coordinator: fast });
    stops.push(() => built.engine.stop());
    await built.engine.start();
    await built.engine.setEnabled('capacity', true, user);
    await eventually(async () => (await built.engine.history('capacity', 10)).length >= 3, 'three scheduled ticks');
    expect(tenant.state.campaigns.get(targets[0]!)!.status).toBe('paused');
    const view = await built.engine.view('capacity');
    expect(view.lastTick?.trigger).toBe('schedule');
    expect(view.nextRunAt).not.toBeNull();
    await built.engine.setEnabled('capacity', false, user);
    const count = (await built.engine.history('capacity', 100)).length;
    expect((await built.engine.view('capacity')).nextRunAt).toBeNull();
    expect((await built.engine.runner()).holder).toBeNull();
    expect((await built.engine.history('capacity', 100)).length).toBe(count);
  });
});
