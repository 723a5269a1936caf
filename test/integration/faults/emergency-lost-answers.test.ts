import { afterEach, describe, expect, it } from 'vitest';
import type { DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { contractPaths } from '../../../shared/cxone/schemas';
import { cliAgainst, idsWith, tenantWithRunning } from './fault-tenant';

describe('emergency pause whose answers are lost after the change was applied', () => {
  let tenant: DemoTenantHandle;
  let cli: ReturnType<typeof cliAgainst>;
  afterEach(async () => {
    await tenant.close();
    cli.remove();
  });

  it('counts as its own every campaign it listed running and left paused, and resume --emergency restarts all 222 of them', async () => {
    tenant = await tenantWithRunning(222);
    cli = cliAgainst(tenant);
    const running = idsWith(tenant, 'running');
    const pausedByPerson = idsWith(tenant, 'paused');
    expect(pausedByPerson.length).toBeGreaterThan(0);
    // Four PATCHes are applied but their answers lost: two 500s after the change, two dropped connections.
    const [a, b, c, d] = running;
    tenant.injectFaults(
      { match: { method: 'PATCH', pathPrefix: contractPaths.campaign(a!) }, kind: 'status', status: 500, afterHandler: true },
      { match: { method: 'PATCH', pathPrefix: contractPaths.campaign(b!) }, kind: 'status', status: 500, afterHandler: true },
      { match: { method: 'PATCH', pathPrefix: contractPaths.campaign(c!) }, kind: 'drop', afterHandler: true },
      { match: { method: 'PATCH', pathPrefix: contractPaths.campaign(d!) }, kind: 'drop', afterHandler: true },
    );

    const pause = await cli.json(['campaigns', 'pause', '--all']);
    expect(pause.code).toBe(0);
    expect(pause.report.summary).toMatchObject({ paused: 222, already: 0, failed: 0 });
    expect(idsWith(tenant, 'running')).toEqual([]);

    const resume = await cli.json(['campaigns', 'resume', '--emergency']);
    expect(resume.code).toBe(0);
    expect(resume.report.campaigns.map((row) => row.id).sort()).toEqual(running);
    expect(resume.report.summary).toMatchObject({ resumed: 222, failed: 0, impossible: 0 });
    expect(idsWith(tenant, 'running')).toEqual(running);
    for (const id of pausedByPerson) expect(tenant.state.campaigns.get(id)?.status).toBe('paused');
  });

  it('a pause whose every answer was lost is checked by a re-read, counted as stopped, and resumed', async () => {
    tenant = await tenantWithRunning(12);
    cli = cliAgainst(tenant);
    const [lost] = idsWith(tenant, 'running');
    const onLost = { method: 'PATCH', pathPrefix: contractPaths.campaign(lost!) };
    tenant.injectFaults(
      { match: onLost, kind: 'drop', afterHandler: true },
      { match: onLost, kind: 'status', status: 503 },
      { match: onLost, kind: 'status', status: 503 },
      { match: onLost, kind: 'status', status: 503 },
    );
    const pause = await cli.json(['campaigns', 'pause', '--all']);
    expect(pause.code).toBe(0);
    expect(pause.report.campaigns.find((row) => row.id === lost)).toMatchObject({ outcome: 'paused', reason: expect.stringContaining('re-read') });
    const resume = await cli.json(['campaigns', 'resume', '--emergency']);
    expect(resume.report.campaigns.find((row) => row.id === lost)?.outcome).toBe('resumed');
    expect(tenant.state.campaigns.get(lost!)?.status).toBe('running');
  });

  it('a resume whose answer was lost after the change still counts as resumed, and is not resumed twice', async () => {
    tenant = await tenantWithRunning(6);
    cli = cliAgainst(tenant);
    const running = idsWith(tenant, 'running');
    expect((await cli.json(['campaigns', 'pause', '--all'])).code).toBe(0);
    tenant.injectFaults({ match: { method: 'PATCH', pathPrefix: contractPaths.campaign(running[0]!) }, kind: 'status', status: 500, afterHandler: true });
    const resume = await cli.json(['campaigns', 'resume', '--emergency']);
    expect(resume.code).toBe(0);
    expect(resume.report.summary).toMatchObject({ resumed: 6, already: 0 });
    expect(idsWith(tenant, 'running')).toEqual(running);
    expect((await cli.run(['campaigns', 'resume', '--emergency'])).stdout).toContain('nothing to resume');
  });
});
