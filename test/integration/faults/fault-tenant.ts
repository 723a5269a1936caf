import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measuredFaultProfile, startDemoTenant, type DemoTenantHandle, type DemoTenantOptions } from '../../../electron/demo-tenant/index';
import type { CampaignRunReport } from '../../../electron/host/cli/commands/campaign-run-report';
import { runCli } from '../../../electron/host/cli/cli';
import type { Campaign, CampaignStatus } from '../../../shared/cxone/schemas';
import { capturedIo } from '../cli/cli-io';

/** The fault-injecting tenant of issue 11's measurements. */
export const faultInjectingTenant: DemoTenantOptions = measuredFaultProfile;

/** A demo tenant whose first `running` campaigns are exactly `count` (the rest keep their seeded status, some paused by a person). */
export async function tenantWithRunning(count: number, options: DemoTenantOptions = {}): Promise<DemoTenantHandle> {
  const tenant = await startDemoTenant({
    seed: 5,
    dialerTickMs: 0,
    activationMs: 100,
    campaignCount: count + 40,
    contactsPerCampaign: 2,
    licenceLimit: count + 500,
    ...options,
  });
  let running = 0;
  for (const campaign of tenant.state.campaigns.values()) {
    // Activating and draft campaigns are left out so that "what was dialing" is exactly the running ones.
    const status: CampaignStatus =
      running < count && campaign.status !== 'completed'
        ? 'running'
        : campaign.status === 'activating' || campaign.status === 'running'
          ? 'paused'
          : campaign.status;
    if (status === 'running') running++;
    tenant.state.campaigns.set(campaign.id, { ...campaign, status, version: campaign.version + (status === campaign.status ? 0 : 1) });
  }
  if (running !== count) throw new Error(`only ${running} campaigns could be made running`);
  return tenant;
}

export const idsWith = (tenant: DemoTenantHandle, status: CampaignStatus) =>
  [...tenant.state.campaigns.values()]
    .filter((c) => c.status === status)
    .map((c) => c.id)
    .sort();

export const snapshotOf = (tenant: DemoTenantHandle) => new Map([...tenant.state.campaigns.values()].map((c): [string, Campaign] => [c.id, { ...c }]));

/** `cxone-console` run in-process against a tenant and data folder, as a user types it. */
export function cliAgainst(tenant: DemoTenantHandle) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cxone-faults-'));
  const env = { CXONE_BASE_URL: tenant.url, CXONE_CLIENT_ID: tenant.clientId, CXONE_CLIENT_SECRET: tenant.clientSecret, CXONE_DATA_DIR: dataDir };
  return {
    dataDir,
    env,
    async run(argv: string[]) {
      const terminal = capturedIo(env);
      const code = await runCli(argv, terminal.io);
      return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
    },
    async json(argv: string[]) {
      const result = await this.run([...argv, '--json']);
      return { ...result, report: JSON.parse(result.stdout) as CampaignRunReport };
    },
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
