import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, verifyAuditChain } from '../../../electron/audit/audit-log';
import { createCampaignControl } from '../../../electron/campaigns/campaign-control';
import { createCampaignDirectory } from '../../../electron/campaigns/campaign-directory';
import { createEmergencyRecord, emergencyRecordPath } from '../../../electron/campaigns/emergency-record';
import { activationOutcome } from '../../../electron/demo-tenant/campaign-lifecycle';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import type { CampaignRunReport } from '../../../electron/host/cli/commands/campaign-run-report';
import { runCli } from '../../../electron/host/cli/cli';
import { connectTenant } from '../../../electron/tenant/connect';
import { demoProfile } from '../../../electron/tenant-session/demo-profile';
import type { CampaignStatus } from '../../../shared/cxone/schemas';
import { capturedIo } from './cli-io';

describe('cxone-console campaigns pause / resume against the demo tenant', () => {
  let tenant: DemoTenantHandle;
  let dataDir: string;
  let env: Record<string, string>;

  beforeEach(async () => {
    tenant = await startDemoTenant({ seed: 11, dialerTickMs: 0, campaignCount: 60, contactsPerCampaign: 5, activationMs: 50 });
    dataDir = mkdtempSync(join(tmpdir(), 'cxone-cli-pause-'));
    env = { CXONE_BASE_URL: tenant.url, CXONE_CLIENT_ID: tenant.clientId, CXONE_CLIENT_SECRET: tenant.clientSecret, CXONE_DATA_DIR: dataDir };
  });

  afterEach(async () => {
    await tenant.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const idsWith = (status: CampaignStatus) => [...tenant.state.campaigns.values()].filter((c) => c.status === status).map((c) => c.id);
  const statusOf = (id: string) => tenant.state.campaigns.get(id)?.status;
  const cli = async (argv: string[], options: { stderrIsTty?: boolean } = {}) => {
    const terminal = capturedIo(env, options);
    const code = await runCli(argv, terminal.io);
    return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
  };
  const jsonOf = (stdout: string) => JSON.parse(stdout) as CampaignRunReport;
  const outcomes = (report: CampaignRunReport) => Object.fromEntries(report.campaigns.map((c) => [c.id, c.outcome]));

  it('pauses campaigns by id; one already paused counts as done and exits 0', async () => {
    const [first, second] = idsWith('running');
    const [paused] = idsWith('paused');
    const run = await cli(['campaigns', 'pause', first!, second!, paused!, '--json']);
    expect(run.code).toBe(0);
    const report = jsonOf(run.stdout);
    expect(outcomes(report)).toEqual({ [first!]: 'paused', [second!]: 'paused', [paused!]: 'already' });
    expect(report).toMatchObject({
      action: 'pause',
      scope: 'ids',
      total: 3,
      ok: true,
      interrupted: false,
      summary: { paused: 2, already: 1, impossible: 0, failed: 0, cancelled: 0 },
    });
    expect(report.campaigns[0]).toEqual({ id: first, name: tenant.state.campaigns.get(first!)?.name, outcome: 'paused' });
    expect([first, second, paused].map((id) => statusOf(id!))).toEqual(['paused', 'paused', 'paused']);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toBe('');
  });

  it('writes one audit entry per campaign through the data folder log, as the user running it', async () => {
    const [first, second] = idsWith('running');
    expect((await cli(['campaigns', 'pause', first!, second!])).code).toBe(0);
    const audit = await createAuditLog({ dir: join(dataDir, 'audit') });
    try {
      const entries = await audit.query();
      expect(entries.map((e) => [e.action, e.target.id, e.outcome]).sort()).toEqual(
        [
          ['campaign.pause', first, 'success'],
          ['campaign.pause', second, 'success'],
        ].sort(),
      );
      expect(entries.every((e) => e.actor.type === 'user' && e.actor.name === userInfo().username)).toBe(true);
    } finally {
      await audit.close();
    }
    expect(await verifyAuditChain(join(dataDir, 'audit'))).toEqual({ ok: true, entries: 2 });
  });

  it('a draft cannot be paused: reported as impossible, flagged in the table, exit 1', async () => {
    const [running] = idsWith('running');
    const [draft] = idsWith('draft');
    const run = await cli(['campaigns', 'pause', running!, draft!]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\s+ID\s+NAME\s+OUTCOME\s+REASON$/);
    const draftRow = lines.find((line) => line.includes(draft!));
    expect(draftRow).toMatch(/^! /);
    expect(draftRow).toContain('NOT PAUSED: impossible');
    expect(draftRow).toContain('draft');
    expect(lines.find((line) => line.includes(running!))).toMatch(/^ {3}.*\bpaused$/);
    expect(lines.at(-1)).toBe('1 of 2 campaigns paused; 1 NOT paused: 1 impossible.');
    expect(statusOf(draft!)).toBe('draft');
  });

  it('resumes by id: running again, or already running; exit 0', async () => {
    const [paused] = idsWith('paused');
    const [running] = idsWith('running');
    const run = await cli(['campaigns', 'resume', paused!, running!, '--json']);
    expect(run.code).toBe(0);
    expect(outcomes(jsonOf(run.stdout))).toEqual({ [paused!]: 'resumed', [running!]: 'already' });
    expect(statusOf(paused!)).toBe('running');
  });

  it('pause --all stops everything dialing; resume --emergency restarts exactly those, never a campaign paused before', async () => {
    const pausedBefore = idsWith('paused');
    // Seeded activations finish on their own; the ones that fail never dial, so there is nothing to pause.
    const activatesToRunning = idsWith('activating').filter((id) => activationOutcome(tenant.state.campaigns.get(id)!, tenant.state) === 'running');
    const dialing = [...idsWith('running'), ...activatesToRunning];
    expect(pausedBefore.length).toBeGreaterThan(0);

    const pause = await cli(['campaigns', 'pause', '--all', '--json']);
    expect(pause.code).toBe(0);
    const paused = jsonOf(pause.stdout);
    expect(paused).toMatchObject({ scope: 'emergency', ok: true });
    expect(paused.runId).toEqual(expect.any(String));
    const stopped = paused.campaigns.filter((c) => c.outcome === 'paused').map((c) => c.id);
    expect(stopped.sort()).toEqual([...dialing].sort());
    expect(idsWith('running')).toEqual([]);

    const resume = await cli(['campaigns', 'resume', '--emergency', '--json']);
    expect(resume.code).toBe(0);
    const resumed = jsonOf(resume.stdout);
    expect(resumed.campaigns.map((c) => c.id).sort()).toEqual([...stopped].sort());
    expect(resumed.campaigns.every((c) => c.outcome === 'resumed')).toBe(true);
    for (const id of pausedBefore) expect(statusOf(id)).toBe('paused');
    for (const id of stopped) expect(statusOf(id)).toBe('running');

    const again = await cli(['campaigns', 'resume', '--emergency']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('The emergency pause holds no campaigns: nothing to resume.\n');
  });

  it('pause --all on a tenant of several listing pages sends its first PATCH before it asks for the last page', async () => {
    const paged = await startDemoTenant({ seed: 12, dialerTickMs: 0, campaignCount: 320, contactsPerCampaign: 1 });
    const arrivals: string[] = [];
    const stopHearing = paged.onRequest((arrival) => arrivals.push(`${arrival.method} ${arrival.path}`));
    try {
      for (const campaign of paged.state.campaigns.values()) campaign.status = 'running';
      const terminal = capturedIo({ ...env, CXONE_BASE_URL: paged.url, CXONE_CLIENT_ID: paged.clientId, CXONE_CLIENT_SECRET: paged.clientSecret });
      expect(await runCli(['campaigns', 'pause', '--all', '--json'], terminal.io)).toBe(0);
      expect(jsonOf(terminal.stdout()).summary.paused).toBe(320);
      const listings = arrivals.filter((line) => /^GET \S*\/campaigns\?/.test(line));
      expect(listings.length).toBeGreaterThanOrEqual(4);
      const firstPatch = arrivals.findIndex((line) => line.startsWith('PATCH '));
      expect(firstPatch).toBeGreaterThanOrEqual(0);
      expect(firstPatch).toBeLessThan(arrivals.lastIndexOf(listings[listings.length - 1]!));
    } finally {
      stopHearing();
      await paged.close();
    }
  });

  it('after `campaigns list`, pause --all sends its first PATCH before its own listing is asked; a campaign since completed is not a failure', async () => {
    expect((await cli(['campaigns', 'list', '--json'])).code).toBe(0);
    const [completedSince, ...stillRunning] = idsWith('running');
    tenant.state.campaigns.get(completedSince!)!.status = 'completed';
    const arrivals: string[] = [];
    const stopHearing = tenant.onRequest((arrival) => arrivals.push(`${arrival.method} ${arrival.path}`));
    try {
      const pause = await cli(['campaigns', 'pause', '--all', '--json']);
      expect(pause.code).toBe(0);
      const report = jsonOf(pause.stdout);
      const firstPatch = arrivals.findIndex((line) => line.startsWith('PATCH '));
      const firstListing = arrivals.findIndex((line) => /^GET \S*\/campaigns\?/.test(line));
      expect(firstPatch).toBeGreaterThanOrEqual(0);
      expect(firstListing).toBeGreaterThan(firstPatch);
      expect(outcomes(report)[completedSince!]).toBe('already');
      expect(report.ok).toBe(true);
      for (const id of stillRunning) expect(statusOf(id)).toBe('paused');
      expect(statusOf(completedSince!)).toBe('completed');
      expect(idsWith('running')).toEqual([]);
    } finally {
      stopHearing();
    }
  });

  it("the app's campaign control resumes what `pause --all` stopped: one emergency record per tenant", async () => {
    expect((await cli(['campaigns', 'pause', '--all'])).code).toBe(0);
    const stopped = idsWith('paused');
    const connection = connectTenant(demoProfile(tenant), async () => tenant.clientSecret);
    const audit = await createAuditLog({ dir: join(dataDir, 'audit') });
    try {
      const app = createCampaignControl({
        connection: () => connection,
        tenantLabel: () => 'Demo tenant',
        directory: createCampaignDirectory({ connection: () => connection, intervalSeconds: () => 60 }),
        record: () => createEmergencyRecord(emergencyRecordPath(dataDir, { apiBaseUrl: `${tenant.url}/`, clientId: tenant.clientId })),
        audit,
      });
      expect(app.emergencyState().pausedByEmergency.length).toBeGreaterThan(0);
      const run = await app.resumeEmergency({ type: 'user', name: 'lead' });
      const resumed = run.results.filter((r) => r.outcome === 'changed').map((r) => r.campaignId);
      expect(resumed.length).toBeGreaterThan(0);
      expect(resumed.every((id) => stopped.includes(id))).toBe(true);
    } finally {
      connection.close();
      await audit.close();
    }
    expect((await verifyAuditChain(join(dataDir, 'audit'))).ok).toBe(true);
  });

  it('a campaign a person paused by id is no longer resumed by resume --emergency', async () => {
    const pause = jsonOf((await cli(['campaigns', 'pause', '--all', '--json'])).stdout);
    const taken = pause.campaigns.find((c) => c.outcome === 'paused')!.id;
    expect((await cli(['campaigns', 'resume', taken])).code).toBe(0);
    expect((await cli(['campaigns', 'pause', taken])).code).toBe(0);
    const resumed = jsonOf((await cli(['campaigns', 'resume', '--emergency', '--json'])).stdout);
    expect(resumed.campaigns.map((c) => c.id)).not.toContain(taken);
    expect(statusOf(taken)).toBe('paused');
  });

  it('Ctrl+C stops starting new requests, prints what was done and exits 1', async () => {
    // Activating campaigns change on their own; leave them out so "unchanged" means untouched.
    const ids = [...tenant.state.campaigns.values()]
      .filter((c) => c.status !== 'activating')
      .map((c) => c.id)
      .slice(0, 40);
    expect(ids).toHaveLength(40);
    const before = new Map(ids.map((id) => [id, statusOf(id)]));
    const terminal = capturedIo(env, { stderrIsTty: true });
    void terminal.waitForError('1 of 40 paused').then(() => terminal.pressCtrlC());
    const code = await runCli(['campaigns', 'pause', ...ids], terminal.io);
    expect(code).toBe(1);
    const lines = terminal.stdout().trimEnd().split('\n');
    const cancelled = ids.filter((id) => lines.some((line) => line.includes(id) && line.includes('NOT PAUSED: cancelled')));
    expect(cancelled.length).toBeGreaterThan(0);
    for (const id of cancelled) expect(statusOf(id)).toBe(before.get(id));
    expect(lines.filter((line) => ids.some((id) => line.includes(id)))).toHaveLength(40);
    expect(lines.at(-1)).toContain('interrupted by Ctrl+C');
    expect(terminal.stderr()).toMatch(/^\r1 of 40 paused/);
  });

  it('draws "n of m paused" only on a terminal and never with --json', async () => {
    const [running] = idsWith('running');
    expect((await cli(['campaigns', 'pause', running!])).stderr).toBe('');
    const [other] = idsWith('running');
    const json = await cli(['campaigns', 'pause', other!, '--json'], { stderrIsTty: true });
    expect(json.stderr).toBe('');
    expect(() => JSON.parse(json.stdout) as unknown).not.toThrow();
  });

  it('exits 2 naming the flag when ids and the emergency flag are both missing or both given', async () => {
    const cases: [string[], string][] = [
      [['campaigns', 'pause'], '--all'],
      [['campaigns', 'pause', '--all', 'c-1'], '--all'],
      [['campaigns', 'resume'], '--emergency'],
      [['campaigns', 'resume', '--emergency', 'c-1', '--json'], '--emergency'],
    ];
    const before = [...tenant.state.campaigns.values()].map((c) => c.status);
    for (const [argv, flag] of cases) {
      const run = await cli(argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toContain(flag);
      expect(run.stdout).toBe('');
    }
    expect([...tenant.state.campaigns.values()].map((c) => c.status)).toEqual(before);
  });
});
