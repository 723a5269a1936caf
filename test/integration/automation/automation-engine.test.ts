import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoTenantHandle } from '../../../electron/demo-tenant/index';
import type { TenantConnection } from '../../../electron/tenant/ports';
import { ConsoleFailure } from '../../../shared/errors';
import { connectTo, startTenant } from '../tenant/support';
import { engineFor, keptAudit, pausingRule, tempDir } from './support';

const user = { type: 'user' as const, name: 'lead (test)' };

describe('the automation engine against the demo tenant', () => {
  let tenant: DemoTenantHandle;
  let connection: TenantConnection;
  let folder: Awaited<ReturnType<typeof tempDir>>;
  let targets: string[] = [];
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
    // Two running campaigns of the demo, set running again before each test.
    targets = [...tenant.state.campaigns.values()]
      .filter((c) => c.status === 'running' || c.status === 'paused')
      .slice(0, 2)
      .map((c) => c.id);
    expect(targets).toHaveLength(2);
    for (const id of targets) tenant.state.campaigns.get(id)!.status = 'running';
  });
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await folder.remove();
  });
  const started = async (...args: Parameters<typeof engineFor>) => {
    const built = engineFor(...args);
    await built.engine.start();
    stops.push(() => built.engine.stop());
    return built;
  };
  const statusOf = (id: string) => tenant.state.campaigns.get(id)!.status;

  it('keeps a rule enabled, and its settings, across a restart of the engine; a bad setting is refused naming it', async () => {
    const first = await started({ dir: folder.dir, connection, rules: [pausingRule(() => [])] });
    expect((await first.engine.view('capacity')).enabled).toBe(false);
    await first.engine.setEnabled('capacity', true, user);
    await first.engine.updateSettings('capacity', { safetyFactor: 0.5 }, user);
    const refusal = await first.engine.updateSettings('capacity', { safetyFactor: 2 }, user).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ConsoleFailure);
    expect((refusal as ConsoleFailure).error.message).toContain('Safety factor must be at most 1.');
    expect((refusal as ConsoleFailure).error.target).toBe('safetyFactor');
    await first.engine.stop();

    const second = await started({ dir: folder.dir, connection, rules: [pausingRule(() => [])] });
    const view = await second.engine.view('capacity');
    expect(view.enabled).toBe(true);
    expect(view.settings).toMatchObject({ safetyFactor: 0.5, model: 'agents' });
    expect(first.audit.entries.map((entry) => entry.action)).toEqual(['automation.enable', 'automation.settings']);

    await second.engine.setEnabled('capacity', false, user);
    await second.engine.stop();
    const third = await started({ dir: folder.dir, connection, rules: [pausingRule(() => [])] });
    expect((await third.engine.view('capacity')).enabled).toBe(false);
  });

  it('runs a rule once by hand: writes through the tenant, audits each write with its evidence, keeps history and memory', async () => {
    const progress: string[] = [];
    const { engine, audit } = await started({
      dir: folder.dir,
      connection,
      rules: [pausingRule(() => targets)],
      onProgress: (update) => progress.push(`${update.runId}:${update.state}:${update.done}/${update.total}`),
    });
    const result = await engine.runOnce('capacity', false);
    expect(result.summary).toMatchObject({ result: 'ok', trigger: 'manual', dryRun: false, counts: { applied: 2 } });
    expect(targets.map(statusOf)).toEqual(['paused', 'paused']);
    const pauses = audit.entries.filter((entry) => entry.action === 'automation.pause');
    expect(pauses.map((entry) => entry.target.id).sort()).toEqual([...targets].sort());
    expect(pauses[0]).toMatchObject({
      actor: { type: 'rule', name: 'capacity' },
      outcome: 'success',
      before: { status: 'running' },
      after: { status: 'paused' },
    });
    expect(pauses[0]?.details).toMatchObject({ evidence: { availableAgents: 3 } });

    const again = await engine.runOnce('capacity', false);
    expect(again.summary.counts).toEqual({ unchanged: 2 });
    const history = await engine.history('capacity', 10);
    expect(history).toHaveLength(4);
    expect(history[0]?.tickId).toBe(again.summary.tickId);
    expect(history[3]?.tickId).toBe(result.summary.tickId);
    const view = await engine.view('capacity');
    expect(view.holds.map((hold) => hold.campaignId).sort()).toEqual([...targets].sort());
    expect(view.lastTick?.tickId).toBe(again.summary.tickId);
    expect(progress).toContain(`automation:capacity:${result.summary.tickId}:finished:2/2`);

    const cleared = await engine.clearHold('capacity', targets[0]!, user);
    expect(cleared.holds.map((hold) => hold.campaignId)).toEqual([targets[1]]);
    const series = await engine.capacitySeries(1);
    expect(series.map((entry) => entry.campaignId).sort()).toEqual([...targets].sort());
    expect(series[0]?.points).toHaveLength(2);
  });

  it('a dry run reports what it would do and writes nothing: not the tenant, the memory, the history or the audit log', async () => {
    const { engine, audit } = await started({ dir: folder.dir, connection, rules: [pausingRule(() => targets)] });
    const before = targets.map((id) => tenant.state.campaigns.get(id)!.version);
    const result = await engine.runOnce('capacity', true);
    expect(result.summary).toMatchObject({ dryRun: true, counts: { 'would-apply': 2 } });
    expect(result.decisions.every((decision) => decision.dryRun)).toBe(true);
    expect(targets.map(statusOf)).toEqual(['running', 'running']);
    expect(targets.map((id) => tenant.state.campaigns.get(id)!.version)).toEqual(before);
    expect(audit.entries).toEqual([]);
    expect(await engine.history('capacity', 10)).toEqual([]);
    expect((await engine.view('capacity')).lastTick).toBeNull();
  });

  it('a rule that writes on a dry run is stopped before the request leaves', async () => {
    const writing = { ...pausingRule(() => targets), tick: pausingRule(() => targets).tick };
    const sneaky = {
      ...writing,
      async tick(context: Parameters<typeof writing.tick>[0]) {
        return writing.tick({ ...context, dryRun: false });
      },
    };
    const { engine } = await started({ dir: folder.dir, connection, rules: [sneaky] });
    const result = await engine.runOnce('capacity', true);
    expect(result.decisions.map((decision) => decision.outcome)).toEqual(['failed', 'failed']);
    expect(result.decisions[0]?.error).toContain('A dry run writes nothing');
    expect(targets.map(statusOf)).toEqual(['running', 'running']);
  });

  it('a throwing rule ends its tick failed with the problem, audited, and the next tick still runs', async () => {
    let broken = true;
    const { engine, audit } = await started({ dir: folder.dir, connection, rules: [pausingRule(() => targets, { fail: () => broken })] });
    const failed = await engine.runOnce('capacity', false);
    expect(failed.summary.result).toBe('failed');
    expect(failed.summary.problem).toContain('the test feed is broken');
    expect(audit.entries).toEqual([
      expect.objectContaining({
        action: 'automation.tick_problem',
        outcome: 'failed',
        actor: { type: 'rule', name: 'capacity' },
        reason: failed.summary.problem,
      }),
    ]);
    expect((await engine.view('capacity')).lastTick?.result).toBe('failed');
    broken = false;
    const next = await engine.runOnce('capacity', false);
    expect(next.summary.result).toBe('ok');
    expect(targets.map(statusOf)).toEqual(['paused', 'paused']);
  });

  it('a tick that outlives its deadline is failed, naming the limit', async () => {
    const rule = pausingRule(() => targets);
    const hanging = { ...rule, tick: () => new Promise<never>(() => undefined) };
    const { engine } = await started({ dir: folder.dir, connection, rules: [hanging], tickDeadlineMs: 50 });
    const result = await engine.runOnce('capacity', false);
    expect(result.summary).toMatchObject({ result: 'failed' });
    expect(result.summary.problem).toContain('did not end within 0.05 s');
  });

  it('reports a damaged state file instead of starting again from the defaults, and moves it aside only when a person saves', async () => {
    const first = await started({ dir: folder.dir, connection, rules: [pausingRule(() => targets)] });
    await first.engine.setEnabled('capacity', true, user);
    await first.engine.stop();
    const path = join(folder.dir, 'capacity.json');
    const saved = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...saved, memory: { paused: 'everything' } }));

    const audit = keptAudit();
    const second = await started({ dir: folder.dir, connection, rules: [pausingRule(() => targets)], audit });
    const view = await second.engine.view('capacity');
    expect(view.enabled).toBe(false);
    expect(view.lastTick?.problem).toMatch(/damaged \(memory: paused:/);
    await expect(second.engine.runOnce('capacity', false)).rejects.toThrow(/damaged/);
    expect(targets.map(statusOf)).toEqual(['running', 'running']);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ memory: { paused: 'everything' } });

    await second.engine.setEnabled('capacity', true, user);
    expect((await second.engine.view('capacity')).enabled).toBe(true);
    expect(audit.entries.map((entry) => entry.action)).toEqual(['automation.state_reset', 'automation.enable']);
  });

  it('stopping during a tick lets the write in flight finish and sends no further one, which is skipped, not failed', async () => {
    let stopped: Promise<void> | null = null;
    const built = engineFor({
      dir: folder.dir,
      connection,
      rules: [pausingRule(() => targets)],
      ports: () => ({
        realtimeAgents: connection.realtimeAgents,
        campaigns: {
          ...connection.campaigns,
          get: (id, signal) => connection.campaigns.get(id, signal),
          setStatus(id, status, signal, intent) {
            const sent = connection.campaigns.setStatus(id, status, signal, intent);
            // The runner is told to stop while this write is on its way.
            stopped ??= built.engine.stop();
            return sent;
          },
        },
      }),
    });
    await built.engine.start();
    const result = await built.engine.runOnce('capacity', false);
    await stopped;
    expect(result.decisions.map((decision) => decision.outcome)).toEqual(['applied', 'skipped']);
    expect(result.decisions[1]?.error).toContain('Automation is stopping');
    expect(targets.map(statusOf)).toEqual(['paused', 'running']);
    expect(built.audit.entries.map((entry) => `${entry.action}:${entry.target.id}`)).toEqual([`automation.pause:${targets[0]}`]);
  });
});
