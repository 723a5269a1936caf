import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCampaignControl } from '../../../electron/campaigns/campaign-control';
import { createCampaignDirectory } from '../../../electron/campaigns/campaign-directory';
import { createEmergencyRecord } from '../../../electron/campaigns/emergency-record';
import type { DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { connectTenant } from '../../../electron/tenant/connect';
import { demoProfile } from '../../../electron/tenant-session/demo-profile';
import { cliAgainst, idsWith, tenantWithRunning } from './fault-tenant';

const isRoot = process.getuid?.() === 0;
const person = { type: 'user' as const, name: 'lead' };

describe('the emergency record is never lost', () => {
  let tenant: DemoTenantHandle;
  let cli: ReturnType<typeof cliAgainst>;
  afterEach(async () => {
    await tenant.close();
    chmodSync(cli.dataDir, 0o700);
    cli.remove();
  });

  const recordFile = () => {
    const folder = join(cli.dataDir, 'emergency');
    const [name] = readdirSync(folder).filter((file) => file.endsWith('.json'));
    return join(folder, name!);
  };

  it('a damaged record is moved aside, reported loudly (exit 1), and its campaigns are still resumed from it', async () => {
    tenant = await tenantWithRunning(36);
    cli = cliAgainst(tenant);
    const running = idsWith(tenant, 'running');
    expect((await cli.run(['campaigns', 'pause', '--all'])).code).toBe(0);
    const path = recordFile();
    const damagedText = readFileSync(path, 'utf8').replace(/"version":\d+/g, '"version":"lost"');
    writeFileSync(path, damagedText);

    const listed = await cli.run(['campaigns', 'emergency', '--json']);
    expect(listed.code).toBe(1);
    const holding = JSON.parse(listed.stdout) as { campaigns: { campaignId: string }[]; recordProblems: string[] };
    expect(holding.campaigns.map((entry) => entry.campaignId).sort()).toEqual(running);
    expect(holding.recordProblems[0]).toContain('damaged');
    expect(listed.stderr).toContain(`${path}.corrupt`);

    const resume = await cli.json(['campaigns', 'resume', '--emergency']);
    expect(resume.code).toBe(1);
    expect(resume.report.recordProblems.join(' ')).toContain(`${path}.corrupt`);
    expect(resume.stderr).toContain('damaged');
    expect(resume.report.summary).toMatchObject({ resumed: 36, failed: 0 });
    expect(idsWith(tenant, 'running')).toEqual(running);
    expect(readFileSync(`${path}.corrupt`, 'utf8')).toBe(damagedText);

    const again = await cli.run(['campaigns', 'resume', '--emergency']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing to resume');
    expect((await cli.run(['campaigns', 'emergency'])).code).toBe(0);
    expect(readFileSync(`${path}.corrupt`, 'utf8')).toBe(damagedText);
  });

  it('with no place to write the record or the audit log, pause --all still pauses everything and says why it could not record', async () => {
    tenant = await tenantWithRunning(20);
    cli = cliAgainst(tenant);
    // Files where the folders should be: the writes fail whoever runs the test (root ignores permissions).
    writeFileSync(join(cli.dataDir, 'emergency'), 'not a folder');
    writeFileSync(join(cli.dataDir, 'audit'), 'not a folder');
    const pause = await cli.json(['campaigns', 'pause', '--all']);
    expect(idsWith(tenant, 'running')).toEqual([]);
    expect(pause.report.summary).toMatchObject({ paused: 20, failed: 0 });
    expect(pause.code).toBe(1);
    const problems = pause.report.recordProblems.join('\n');
    expect(problems).toContain('The emergency record could not be written');
    expect(problems).toContain('The audit log could not be written');
    expect(problems).toContain('a file is in the way');
    expect(problems).not.toContain('locked by another process');
    expect(pause.stderr).toContain('could not be written');
  });

  it.skipIf(isRoot)('a read-only data folder is named as one, not as "locked by another process"', async () => {
    tenant = await tenantWithRunning(8);
    cli = cliAgainst(tenant);
    mkdirSync(join(cli.dataDir, 'audit'));
    mkdirSync(join(cli.dataDir, 'emergency'));
    for (const folder of ['audit', 'emergency']) chmodSync(join(cli.dataDir, folder), 0o500);
    const pause = await cli.json(['campaigns', 'pause', '--all']);
    for (const folder of ['audit', 'emergency']) chmodSync(join(cli.dataDir, folder), 0o700);
    expect(idsWith(tenant, 'running')).toEqual([]);
    expect(pause.code).toBe(1);
    expect(pause.report.recordProblems.join('\n')).toContain('is not writable');
    expect(pause.report.recordProblems.join('\n')).not.toContain('locked by another process');
  });

  it('the app keeps what it stopped in memory when the record cannot be written, shows why, and resumes from memory', async () => {
    tenant = await tenantWithRunning(10);
    cli = cliAgainst(tenant);
    const running = idsWith(tenant, 'running');
    writeFileSync(join(cli.dataDir, 'emergency'), 'not a folder');
    const connection = connectTenant(demoProfile(tenant), async () => tenant.clientSecret);
    const appended: unknown[] = [];
    try {
      const control = createCampaignControl({
        connection: () => connection,
        tenantLabel: () => 'Demo tenant',
        directory: createCampaignDirectory({ connection: () => connection, intervalSeconds: () => 60 }),
        record: (() => {
          const record = createEmergencyRecord(join(cli.dataDir, 'emergency', 'tenant.json'));
          return () => record;
        })(),
        audit: { append: async (entry) => appended.push(entry) },
      });
      const run = await control.emergencyPause(person);
      expect(run.results.every((r) => r.outcome === 'changed')).toBe(true);
      expect(run.recordProblems?.[0]).toContain('The emergency record could not be written');
      const state = control.emergencyState();
      expect(state.pausedByEmergency.map((p) => p.campaignId).sort()).toEqual(running);
      expect(state.recordProblems?.[0]).toContain('keeps the list in memory');
      const resume = await control.resumeEmergency(person);
      expect(resume.results.filter((r) => r.outcome === 'changed')).toHaveLength(10);
      expect(idsWith(tenant, 'running')).toEqual(running);
      expect(existsSync(join(cli.dataDir, 'emergency', 'tenant.json'))).toBe(false);
    } finally {
      connection.close();
    }
    expect(appended.length).toBeGreaterThan(0);
  });
});
