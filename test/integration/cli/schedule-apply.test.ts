import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorActor } from '../../../electron/app/operator-actor';
import { queryAuditDir } from '../../../electron/audit/read-audit';
import { campaignDefinitionSchema, type Campaign } from '../../../shared/cxone/schemas';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { runCli } from '../../../electron/host/cli/cli';
import { applySchedule, type ApplySchedulePorts } from '../../../electron/schedules/apply-schedule';
import { connectTo } from '../tenant/support';
import { capturedIo } from './cli-io';

describe('cxone-console schedule apply', () => {
  let tenant: DemoTenantHandle;
  let env: Record<string, string>;
  let dataDir: string;
  const guardedCampaigns: Campaign[] = [];
  beforeAll(async () => {
    tenant = await startDemoTenant({ seed: 11, dialerTickMs: 0, campaignCount: 24, contactsPerCampaign: 300 });
    dataDir = mkdtempSync(join(tmpdir(), 'schedule-apply-'));
    env = { CXONE_BASE_URL: tenant.url, CXONE_CLIENT_ID: tenant.clientId, CXONE_CLIENT_SECRET: tenant.clientSecret, CXONE_DATA_DIR: dataDir };
    const hasRules = (c: Campaign) => ['FCC_MIN_TIME', 'FCC_MAX_TIME', 'STATE_DNC'].every((type) => c.dncRules.some((rule) => rule.type === type));
    const activeList = (c: Campaign) => c.dncListId !== null && tenant.state.dncLists.get(c.dncListId)?.state === 'ACTIVE';
    guardedCampaigns.push(...[...tenant.state.campaigns.values()].filter((c) => hasRules(c) && activeList(c)));
    expect(guardedCampaigns.length).toBeGreaterThanOrEqual(6);
  });
  afterAll(async () => {
    await tenant.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const cli = async (args: string[]) => {
    const terminal = capturedIo(env);
    const code = await runCli(['schedule', ...args], terminal.io);
    return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
  };
  const midday = ['--cron', '0 13 * * 1-5', '--tz', 'America/New_York', '--window', '13:00-15:00', '--from', '2027-03-01'];
  const early = ['--cron', '0 7 * * 1-5', '--tz', 'America/New_York', '--window', '07:00-15:00', '--from', '2027-03-01'];

  it('shows what it would store on --dry-run and writes nothing', async () => {
    const campaign = guardedCampaigns[0]!;
    const version = tenant.state.campaigns.get(campaign.id)!.version;
    const result = await cli(['apply', campaign.id, ...midday, '--dry-run', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      kind: 'dry_run',
      after: { cronExpression: '0 13 * * 1-5', timezone: 'America/New_York', windowMinutes: 120 },
    });
    expect(tenant.state.campaigns.get(campaign.id)!.version).toBe(version);
  });

  it('stores a compliant schedule with the version it read and keeps the rest of the campaign', async () => {
    const campaign = tenant.state.campaigns.get(guardedCampaigns[1]!.id)!;
    const result = await cli(['apply', campaign.id, ...midday]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Applied: 0 13 \* \* 1-5 in America\/New_York for 120 minutes/);
    const stored = tenant.state.campaigns.get(campaign.id)!;
    expect(stored.version).toBe(campaign.version + 1);
    expect(stored.schedule).toMatchObject({ cronExpression: '0 13 * * 1-5', timezone: 'America/New_York', windowMinutes: 120 });
    expect(campaignDefinitionSchema.parse({ ...stored, schedule: campaign.schedule })).toEqual(campaignDefinitionSchema.parse(campaign));
  });

  it('audits each apply in the data folder with the operator, before and after, and the verdict', async () => {
    const campaign = tenant.state.campaigns.get(guardedCampaigns[1]!.id)!;
    const entries = await queryAuditDir(join(dataDir, 'audit'), { campaignId: campaign.id });
    const entry = entries.find((e) => e.action === 'campaign.schedule_apply');
    expect(entry).toMatchObject({
      actor: operatorActor(undefined, { env }),
      outcome: 'success',
      after: { cronExpression: '0 13 * * 1-5', timezone: 'America/New_York', windowMinutes: 120 },
      details: { verdict: { compliant: true } },
    });
  });

  it('with --activate takes a draft to running and says how long it took', async () => {
    const withContacts = guardedCampaigns.slice(5).find((c) => (tenant.state.contactLists.get(c.contactListId)?.recordCount ?? 0) > 0 && !/fail/i.test(c.name));
    const campaign = { ...tenant.state.campaigns.get(withContacts!.id)!, status: 'draft' as const };
    tenant.state.campaigns.set(campaign.id, campaign);
    tenant.setKnobs({ activationMs: 20 });
    const result = await cli(['apply', campaign.id, ...midday, '--activate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Activation: running after \d+ ms/);
    expect(tenant.state.campaigns.get(campaign.id)!.status).toBe('running');
  });

  it('keeps --blackout dates for the campaign, and check honours them afterwards', async () => {
    const campaign = guardedCampaigns[2]!;
    const applied = await cli(['apply', campaign.id, ...midday, '--blackout', '2027-03-02', '--json']);
    expect(applied.code).toBe(0);
    const checked = await cli(['check', campaign.id, ...midday, '--json']);
    const days = (JSON.parse(checked.stdout) as { windows: { start: string }[] }).windows.map((w) => w.start.slice(0, 10));
    expect(days).toContain('2027-03-01');
    expect(days).not.toContain('2027-03-02');
  });

  it('blocks a schedule that fails the gate and writes nothing', async () => {
    const campaign = tenant.state.campaigns.get(guardedCampaigns[2]!.id)!;
    const result = await cli(['apply', campaign.id, ...early, '--json']);
    expect(result.code).toBe(1);
    const outcome = JSON.parse(result.stdout) as { kind: string; verdict: { compliant: boolean; violations: { rule: string }[] } };
    expect(outcome.kind).toBe('blocked');
    expect(outcome.verdict.violations.some((v) => v.rule === 'FEDERAL_HOURS')).toBe(true);
    expect(tenant.state.campaigns.get(campaign.id)!.version).toBe(campaign.version);
  });

  it('with --clip narrows the window until every contact may be called, stores that, and the stored schedule passes check', async () => {
    const campaign = tenant.state.campaigns.get(guardedCampaigns[3]!.id)!;
    const result = await cli(['apply', campaign.id, ...early, '--clip', '--json']);
    expect(result.code).toBe(0);
    const outcome = JSON.parse(result.stdout) as { kind: string; clipped: boolean; after: { cronExpression: string; windowMinutes: number } };
    expect(outcome).toMatchObject({ kind: 'applied', clipped: true });
    const [minute, hour] = outcome.after.cronExpression.split(' ').map(Number) as [number, number];
    expect(hour * 60 + minute).toBeGreaterThan(7 * 60);
    expect(outcome.after.windowMinutes).toBeLessThan(8 * 60);
    expect((await cli(['check', campaign.id, '--from', '2027-03-01'])).code).toBe(0);
  });

  it('exits 2 for a malformed window or an unknown zone', async () => {
    const campaign = guardedCampaigns[0]!;
    expect((await cli(['apply', campaign.id, '--cron', '0 9 * * 1-5', '--tz', 'America/Chicago', '--window', '09:00-33:00'])).code).toBe(2);
    expect((await cli(['apply', campaign.id, '--cron', '0 9 * * 1-5', '--tz', 'Chicago'])).code).toBe(2);
  });

  describe('racing a human edit (§4.4)', () => {
    /** The real tenant connection, with someone else's PUT landing just before our first one. */
    function racedPorts(campaignId: string, edit: (campaign: Campaign) => Campaign): ApplySchedulePorts & { close(): void } {
      const connection = connectTo(tenant);
      let raced = false;
      return {
        campaigns: {
          get: (id, signal) => connection.campaigns.get(id, signal),
          async replace(id, replacement, signal) {
            if (!raced) {
              raced = true;
              const current = await connection.campaigns.get(campaignId);
              const edited = edit(current);
              await connection.campaigns.replace(campaignId, { ...campaignDefinitionSchema.parse(edited), version: current.version });
            }
            return connection.campaigns.replace(id, replacement, signal);
          },
        },
        contacts: connection.contacts,
        referenceData: connection.referenceData,
        close: () => connection.close(),
      };
    }
    const request = (campaignId: string) => ({
      campaignId,
      schedule: { cronExpression: '0 13 * * 1-5', timezone: 'America/New_York', windowMinutes: 120 },
      from: '2027-03-01',
      days: 14,
      nowMs: Date.now(),
      clip: false,
      dryRun: false,
    });

    it('re-reads on STALE_VERSION and re-applies only the schedule, keeping the human edit', async () => {
      const campaign = tenant.state.campaigns.get(guardedCampaigns[4]!.id)!;
      const ports = racedPorts(campaign.id, (current) => ({ ...current, name: `${current.name} (renamed by a lead)` }));
      try {
        const outcome = await applySchedule(ports, request(campaign.id));
        expect(outcome.kind).toBe('applied');
        if (outcome.kind === 'applied') expect(outcome.attempts).toBe(2);
        const stored = tenant.state.campaigns.get(campaign.id)!;
        expect(stored.name).toBe(`${campaign.name} (renamed by a lead)`);
        expect(stored.schedule).toMatchObject({ cronExpression: '0 13 * * 1-5', windowMinutes: 120 });
        expect(stored.version).toBe(campaign.version + 2);
      } finally {
        ports.close();
      }
    });

    it('writes nothing and returns both versions when the schedule itself was changed meanwhile', async () => {
      const campaign = tenant.state.campaigns.get(guardedCampaigns[0]!.id)!;
      const theirs = { ...campaign.schedule!, cronExpression: '0 10 * * 1-5', windowMinutes: 240 };
      const ports = racedPorts(campaign.id, (current) => ({ ...current, schedule: theirs }));
      try {
        const outcome = await applySchedule(ports, request(campaign.id));
        expect(outcome).toMatchObject({ kind: 'schedule_changed', theirs: { cronExpression: '0 10 * * 1-5' }, ours: { cronExpression: '0 13 * * 1-5' } });
        const stored = tenant.state.campaigns.get(campaign.id)!;
        expect(stored.schedule).toMatchObject({ cronExpression: '0 10 * * 1-5', windowMinutes: 240 });
        expect(stored.version).toBe(campaign.version + 1);
      } finally {
        ports.close();
      }
    });
  });
});
