import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DemoTenantHandle } from '../../../electron/demo-tenant/index';
import type { TenantConnection } from '../../../electron/tenant/ports';
import { connectTo, startTenant } from '../tenant/support';
import { engineFor, pausingRule, tempDir } from './support';

const lead = { type: 'user' as const, name: 'lead (test)' };

describe('cancelling a rule’s run in flight', () => {
  let tenant: DemoTenantHandle;
  let connection: TenantConnection;
  let folder: Awaited<ReturnType<typeof tempDir>>;
  let targets: string[] = [];

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
    targets = [...tenant.state.campaigns.values()]
      .filter((c) => c.status === 'running' || c.status === 'paused')
      .slice(0, 6)
      .map((c) => c.id);
    expect(targets).toHaveLength(6);
    for (const id of targets) tenant.state.campaigns.get(id)!.status = 'running';
  });
  afterEach(async () => {
    await folder.remove();
  });

  it('sends no write after the cancel, finishes the one already sent, and ends cancelled, saying who cancelled it, in the summary and the audit log', async () => {
    let written = 0;
    const { engine, audit } = engineFor({
      dir: folder.dir,
      connection,
      rules: [
        pausingRule(() => targets, {
          afterWrite: async () => {
            written += 1;
            if (written === 2) expect(await engine.cancelRun('capacity', lead)).toBe(true);
          },
        }),
      ],
    });
    await engine.start();
    try {
      const result = await engine.runOnce('capacity', false);

      // The tenant's own state: the two paused before the cancel, the other four still running.
      expect(targets.map((id) => tenant.state.campaigns.get(id)!.status)).toEqual(['paused', 'paused', 'running', 'running', 'running', 'running']);
      expect(result.decisions.map((d) => d.outcome)).toEqual(['applied', 'applied', 'skipped', 'skipped', 'skipped', 'skipped']);
      expect(result.decisions[2]?.reason).toBe('Not sent: the run was cancelled.');
      expect(result.summary.result).toBe('cancelled');
      expect(result.summary.problem).toBe('Cancelled by lead (test): 2 written before the cancel, 4 not sent.');
      expect(audit.entries.find((entry) => entry.action === 'automation.cancel')).toMatchObject({ actor: lead, outcome: 'success' });
      expect(audit.entries.find((entry) => entry.action === 'automation.tick_problem')).toMatchObject({
        outcome: 'cancelled',
        reason: 'Cancelled by lead (test): 2 written before the cancel, 4 not sent.',
      });

      // Nothing is left to cancel, and the next run is not cancelled.
      expect(await engine.cancelRun('capacity', lead)).toBe(false);
      const next = await engine.runOnce('capacity', false);
      expect(next.summary.result).toBe('ok');
      expect(targets.every((id) => tenant.state.campaigns.get(id)!.status === 'paused')).toBe(true);
    } finally {
      await engine.stop();
    }
  });

  it('a run by hand waiting behind the tick in flight is cancelled with it, and never starts its rule', async () => {
    let ticks = 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const rule = pausingRule(() => targets.slice(0, 2), { afterWrite: () => held });
    const counted = { ...rule, tick: (context: Parameters<typeof rule.tick>[0]) => (ticks++, rule.tick(context)) };
    const { engine, audit } = engineFor({ dir: folder.dir, connection, rules: [counted] });
    await engine.start();
    try {
      const first = engine.runOnce('capacity', false);
      await vi.waitFor(() => expect(tenant.state.campaigns.get(targets[0]!)!.status).toBe('paused'));
      const second = engine.runOnce('capacity', false);
      expect(await engine.cancelRun('capacity', lead)).toBe(true);
      release();
      const [a, b] = await Promise.all([first, second]);

      expect(a.decisions.map((d) => d.outcome)).toEqual(['applied', 'skipped']);
      expect(targets.slice(0, 2).map((id) => tenant.state.campaigns.get(id)!.status)).toEqual(['paused', 'running']);
      expect(b.decisions).toEqual([]);
      expect(b.summary).toMatchObject({ result: 'cancelled', problem: 'Cancelled by lead (test) before it decided anything: nothing was written.' });
      expect(ticks).toBe(1);
      expect(audit.entries.filter((entry) => entry.action === 'automation.cancel')).toHaveLength(1);
    } finally {
      release();
      await engine.stop();
    }
  });
});
