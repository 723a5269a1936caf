import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, type AuditLog } from '../../../electron/audit/audit-log';
import { createCampaignControl, type CampaignControl } from '../../../electron/campaigns/campaign-control';
import { createCampaignDirectory, type CampaignDirectory } from '../../../electron/campaigns/campaign-directory';
import { createEmergencyRecord } from '../../../electron/campaigns/emergency-record';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { connectTenant } from '../../../electron/tenant/connect';
import type { TenantConnection } from '../../../electron/tenant/ports';
import { demoProfile } from '../../../electron/tenant-session/demo-profile';
import { ConsoleFailure, consoleError } from '../../../shared/errors';

const person = { type: 'user' as const, name: 'lead' };

describe('campaign control against the demo tenant', () => {
  let tenant: DemoTenantHandle;
  let connection: TenantConnection;
  let dir: string;
  let audit: AuditLog;
  let directory: CampaignDirectory;
  let control: CampaignControl;

  const makeControl = () =>
    createCampaignControl({
      connection: () => connection,
      tenantLabel: () => 'Demo tenant',
      directory,
      record: () => createEmergencyRecord(join(dir, 'emergency.json')),
      audit,
      activationPolling: { baseMs: 50, capMs: 200, deadlineMs: 5000 },
    });

  const statusOf = async (id: string) => (await connection.campaigns.get(id)).status;
  const idsWithStatus = async (status: 'running' | 'activating' | 'paused' | 'draft' | 'completed') => {
    const ids: string[] = [];
    for await (const c of connection.campaigns.list({ status })) ids.push(c.id);
    return ids;
  };
  /**
   * Every campaign that is dialing or about to: what an emergency pause must stop. One listing, not one
   * per status: a campaign that finishes activating between two listings would be missed by both.
   */
  const dialing = async () => {
    const ids: string[] = [];
    for await (const c of connection.campaigns.list()) if (c.status === 'running' || c.status === 'activating') ids.push(c.id);
    return ids;
  };

  beforeEach(async () => {
    tenant = await startDemoTenant({ seed: 7, dialerTickMs: 0, activationMs: 200, contactsPerCampaign: 20 });
    connection = connectTenant(demoProfile(tenant), async () => tenant.clientSecret);
    dir = mkdtempSync(join(tmpdir(), 'cxone-control-'));
    audit = await createAuditLog({ dir: join(dir, 'audit') });
    directory = createCampaignDirectory({ connection: () => connection, intervalSeconds: () => 60 });
    await directory.refresh();
    control = makeControl();
  });

  afterEach(async () => {
    connection.close();
    await audit.close();
    await tenant.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pauses a running campaign and clears its pending mark once the tenant confirms', async () => {
    const [id] = await idsWithStatus('running');
    const [result] = await control.setStatus([id!], 'paused', person);
    expect(result).toMatchObject({ campaignId: id, outcome: 'changed', statusAfter: 'paused' });
    expect(await statusOf(id!)).toBe('paused');
    expect(directory.snapshot().pending[id!]).toBeUndefined();
    expect(directory.find(id!)?.status).toBe('paused');
  });

  it('counts pausing an already paused campaign as done (409 re-read)', async () => {
    const [id] = await idsWithStatus('paused');
    const [result] = await control.setStatus([id!], 'paused', person);
    expect(result?.outcome).toBe('already');
  });

  it('reports an impossible transition with its reason and forces nothing', async () => {
    const [id] = await idsWithStatus('completed');
    const [result] = await control.setStatus([id!], 'running', person);
    expect(result?.outcome).toBe('impossible');
    expect(result?.reason).toContain('completed');
    expect(await statusOf(id!)).toBe('completed');
  });

  it('emergency pause stops every running and activating campaign and remembers exactly those', async () => {
    const activating = await idsWithStatus('activating');
    const running = await dialing();
    const pausedBefore = await idsWithStatus('paused');
    expect(running.length).toBeGreaterThan(10);
    expect(activating.length).toBeGreaterThan(0);
    const run = await control.emergencyPause(person);
    expect(run.total).toBe(running.length);
    expect(run.results.every((r) => r.outcome === 'changed')).toBe(true);
    expect(await dialing()).toEqual([]);
    for (const id of activating) expect(await statusOf(id)).toBe('paused');
    const owned = control
      .emergencyState()
      .pausedByEmergency.map((p) => p.campaignId)
      .sort();
    expect(owned).toEqual([...running].sort());
    expect(owned.some((id) => pausedBefore.includes(id))).toBe(false);
  });

  it('emergency pause sends its first PATCH before the tenant has answered the listing, when the console already knows what dials', async () => {
    const running = await dialing();
    // The listing of running campaigns takes 5 s to answer; the pause must not wait for it.
    tenant.injectFaults({ match: { method: 'GET', pathPrefix: '/api/v2/outbound/campaigns' }, kind: 'slow', delayMs: 5000 });
    const order: string[] = [];
    const stop = connection.requestLog.subscribe((entry) => order.push(`${entry.method} ${entry.path.split('?')[0]}`));
    const run = await control.emergencyPause(person);
    stop();
    const firstPatch = order.findIndex((line) => line.startsWith('PATCH'));
    const listing = order.findIndex((line) => line === 'GET /api/v2/outbound/campaigns');
    expect(firstPatch).toBeGreaterThanOrEqual(0);
    expect(listing).toBeGreaterThan(firstPatch);
    expect(run.total).toBe(running.length);
    expect(await dialing()).toEqual([]);
  });

  it('emergency pause also stops a campaign the tenant lists as dialing that the console did not know of yet', async () => {
    const [id] = await idsWithStatus('paused');
    tenant.state.campaigns.get(id!)!.status = 'running';
    const run = await control.emergencyPause(person);
    expect(run.results.find((r) => r.campaignId === id)?.outcome).toBe('changed');
    expect(await statusOf(id!)).toBe('paused');
    expect(await dialing()).toEqual([]);
  });

  it('emergency pause with nothing known yet (the command line) stops every one of hundreds of dialing campaigns while it is still listing them', async () => {
    const big = await startDemoTenant({ seed: 8, dialerTickMs: 0, campaignCount: 450, contactsPerCampaign: 1 });
    const bigConnection = connectTenant(demoProfile(big), async () => big.clientSecret);
    try {
      for (const campaign of big.state.campaigns.values()) campaign.status = 'running';
      const emptyDirectory = createCampaignDirectory({ connection: () => bigConnection, intervalSeconds: () => 3600 });
      const cliLike = createCampaignControl({
        connection: () => bigConnection,
        tenantLabel: () => 'Big tenant',
        directory: emptyDirectory,
        record: () => createEmergencyRecord(join(dir, 'big-emergency.json')),
        audit,
      });
      const run = await cliLike.emergencyPause(person);
      expect(run.total).toBe(450);
      expect(run.results.filter((r) => r.outcome === 'changed')).toHaveLength(450);
      expect([...big.state.campaigns.values()].filter((c) => c.status !== 'paused')).toEqual([]);
    } finally {
      bigConnection.close();
      await big.close();
    }
  });

  it('emergency pause with nothing known yet pauses the first page of the listing before the tenant is asked for the last one', async () => {
    const paged = await startDemoTenant({ seed: 9, dialerTickMs: 0, campaignCount: 450, contactsPerCampaign: 1 });
    const pagedConnection = connectTenant(demoProfile(paged), async () => paged.clientSecret);
    const arrivals: string[] = [];
    const stopHearing = paged.onRequest((arrival) => arrivals.push(`${arrival.method} ${arrival.path}`));
    try {
      for (const campaign of paged.state.campaigns.values()) campaign.status = 'running';
      const cliLike = createCampaignControl({
        connection: () => pagedConnection,
        tenantLabel: () => 'Paged tenant',
        directory: createCampaignDirectory({ connection: () => pagedConnection, intervalSeconds: () => 3600 }),
        record: () => createEmergencyRecord(join(dir, 'paged-emergency.json')),
        audit,
      });
      const run = await cliLike.emergencyPause(person);
      expect(run.results.filter((r) => r.outcome === 'changed')).toHaveLength(450);
      const listings = arrivals.filter((line) => /^GET \S*\/campaigns\?/.test(line));
      // Pages of 100: five listing requests, and the first PATCH reached the tenant before the last of them.
      expect(listings.length).toBeGreaterThanOrEqual(5);
      const firstPatch = arrivals.findIndex((line) => line.startsWith('PATCH '));
      const lastListing = arrivals.lastIndexOf(listings[listings.length - 1]!);
      expect(firstPatch).toBeGreaterThanOrEqual(0);
      expect(firstPatch).toBeLessThan(lastListing);
      expect(arrivals.slice(0, firstPatch).filter((line) => line.startsWith('GET ')).length).toBeLessThan(listings.length);
    } finally {
      stopHearing();
      pagedConnection.close();
      await paged.close();
    }
  });

  it('resumes only what the emergency pause stopped, never what a person paused', async () => {
    const running = await dialing();
    const pausedByPerson = await idsWithStatus('paused');
    await control.emergencyPause(person);
    // After the emergency, a person takes one campaign over: resumes it and pauses it again elsewhere.
    const touched = running[0]!;
    await connection.campaigns.setStatus(touched, 'running');
    await connection.campaigns.setStatus(touched, 'paused');

    const resume = await control.resumeEmergency(person);
    const resumed = resume.results.filter((r) => r.outcome === 'changed').map((r) => r.campaignId);
    expect(resumed.sort()).toEqual(running.filter((id) => id !== touched).sort());
    expect(resume.results.find((r) => r.campaignId === touched)?.outcome).toBe('impossible');
    expect(await statusOf(touched)).toBe('paused');
    for (const id of pausedByPerson) expect(await statusOf(id)).toBe('paused');
    expect(control.emergencyState().pausedByEmergency).toEqual([]);
  });

  it('a person acting on a campaign in the console takes it away from the emergency resume', async () => {
    const running = await idsWithStatus('running');
    await control.emergencyPause(person);
    await control.setStatus([running[1]!], 'paused', person);
    const owned = control.emergencyState().pausedByEmergency.map((p) => p.campaignId);
    expect(owned).not.toContain(running[1]);
  });

  it('remembers what it paused across a restart', async () => {
    const running = await dialing();
    await control.emergencyPause(person);
    const restarted = makeControl();
    expect(restarted.emergencyState().pausedByEmergency).toHaveLength(running.length);
    const resume = await restarted.resumeEmergency(person);
    expect(resume.results.filter((r) => r.outcome === 'changed')).toHaveLength(running.length);
  });

  it('reports a campaign it could not pause in the run, and keeps pausing the rest', async () => {
    const running = await dialing();
    tenant.injectFaults({ match: { method: 'PATCH', pathPrefix: `/api/v2/outbound/campaigns/${running[2]}` }, kind: 'status', status: 400 });
    const run = await control.emergencyPause(person);
    const failed = run.results.filter((r) => r.outcome === 'failed');
    expect(failed.map((r) => r.campaignId)).toEqual([running[2]]);
    expect(failed[0]?.reason).toBeTruthy();
    expect(run.results.filter((r) => r.outcome === 'changed')).toHaveLength(running.length - 1);
  });

  it('writes one audit entry per campaign plus the run summary', async () => {
    const running = await dialing();
    await control.emergencyPause(person);
    const entries = await audit.query({ limit: 10_000 });
    expect(entries.filter((e) => e.action === 'campaign.emergency_pause')).toHaveLength(running.length);
    expect(entries.filter((e) => e.action === 'campaign.emergency_pause.run')).toHaveLength(1);
  });

  it('without a usable tenant, reports every campaign the console knows is dialing as not paused, and why', async () => {
    const running = await dialing();
    const offline = createCampaignControl({
      connection: () => {
        throw new ConsoleFailure(consoleError('network', 'The tenant cannot be reached: connection refused.'));
      },
      tenantLabel: () => 'Demo tenant',
      directory,
      record: () => createEmergencyRecord(join(dir, 'emergency.json')),
      audit,
    });
    const run = await offline.emergencyPause(person);
    expect(run.results.map((r) => r.campaignId).sort()).toEqual([...running].sort());
    expect(run.results.every((r) => r.outcome === 'failed' && r.reason?.includes('cannot be reached'))).toBe(true);
    expect(offline.emergencyState().pausedByEmergency).toEqual([]);
    expect(await dialing()).toEqual(running);
  });

  it('when the tenant cannot list, a campaign a person paused before the run is not taken for one the run stopped', async () => {
    const running = await idsWithStatus('running');
    await directory.refresh();
    const [personal, other] = running;
    // A person pauses it on the tenant; the console's last refresh still shows it running.
    await connection.campaigns.setStatus(personal!, 'paused');
    const listFailure = { match: { method: 'GET', pathPrefix: '/api/v2/outbound/campaigns' }, kind: 'status', status: 503 } as const;
    tenant.injectFaults(listFailure, listFailure, listFailure, listFailure);
    const run = await control.emergencyPause(person);
    expect(run.results.find((r) => r.campaignId === personal)?.outcome).toBe('already');
    expect(run.results.find((r) => r.campaignId === other)?.outcome).toBe('changed');
    const owned = control.emergencyState().pausedByEmergency.map((p) => p.campaignId);
    expect(owned).toContain(other);
    expect(owned).not.toContain(personal);
    await control.resumeEmergency(person);
    expect(await statusOf(personal!)).toBe('paused');
    expect(await statusOf(other!)).toBe('running');
  });
});
