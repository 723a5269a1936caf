import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

  it('sends no write after the cancel, finishes the one already sent, and ends partial, saying who cancelled it, in the summary and the audit log', async () => {
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
      expect(result.summary.result).toBe('partial');
      expect(result.summary.problem).toBe('Cancelled by lead (test): 2 written before the cancel, 4 not sent.');
      expect(audit.entries.find((entry) => entry.action === 'automation.cancel')).toMatchObject({ actor: lead, outcome: 'success' });
      expect(audit.entries.some((entry) => entry.reason?.includes('Cancelled by lead (test)'))).toBe(true);

      // Nothing is left to cancel, and the next run is not cancelled.
      expect(await engine.cancelRun('capacity', lead)).toBe(false);
      const next = await engine.runOnce('capacity', false);
      expect(next.summary.result).toBe('ok');
      expect(targets.every((id) => tenant.state.campaigns.get(id)!.status === 'paused')).toBe(true);
    } finally {
      await engine.stop();
    }
  });
});
