import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/audit/audit-entry';
import type { EmergencyState } from '../../../shared/campaigns/status-change';
import { createConsoleServices, type ConsoleServices } from '../../../electron/app/console-services';
import { runCli } from '../../../electron/host/cli/cli';
import { createJsonFileStore } from '../../../electron/settings/json-file-store';
import { createFileVault } from '../../../electron/vault/file-vault';
import { capturedIo } from '../cli/cli-io';

// The lead's app is open while someone runs `cxone-console` on the same data folder.
describe('the command line beside the running app', () => {
  let dataDir: string;
  let services: ConsoleServices;
  const states: EmergencyState[] = [];
  const appended: AuditEntry[] = [];

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cxone-app-cli-'));
    services = await createConsoleServices({
      shell: 'web',
      version: 'test',
      dataDir,
      store: createJsonFileStore(join(dataDir, 'settings.json')),
      vault: createFileVault(join(dataDir, 'secrets.json')),
      demoTenant: { dialerTickMs: 0, activationMs: 200, contactsPerCampaign: 5, latencyMs: 0 },
    });
    services.events.subscribe((channel, payload) => {
      if (channel === 'campaigns:emergencyChanged') states.push(payload as EmergencyState);
      if (channel === 'audit:appended') appended.push(payload as AuditEntry);
    });
  });

  afterEach(async () => {
    await services.dispose();
    rmSync(dataDir, { recursive: true, force: true });
    states.length = 0;
    appended.length = 0;
  });

  it('shows the CLI emergency pause in the app, live, and the app can resume exactly what it stopped', async () => {
    const demo = services.tenant.demoTenant()!;
    const cli = capturedIo({
      CXONE_BASE_URL: demo.url,
      CXONE_TOKEN_URL: demo.tokenUrl,
      CXONE_CLIENT_ID: demo.clientId,
      CXONE_CLIENT_SECRET: demo.clientSecret,
      CXONE_DATA_DIR: dataDir,
    });
    expect(await runCli(['campaigns', 'pause', '--all', '--json'], cli.io)).toBe(0);
    const report = JSON.parse(cli.stdout()) as { campaigns: { id: string; outcome: string }[] };
    const paused = report.campaigns
      .filter((c) => c.outcome === 'paused')
      .map((c) => c.id)
      .sort();
    expect(paused.length).toBeGreaterThan(10);

    await expect
      .poll(
        () =>
          states
            .at(-1)
            ?.pausedByEmergency.map((p) => p.campaignId)
            .sort(),
        { timeout: 10_000 },
      )
      .toEqual(paused);
    await expect.poll(() => appended.filter((e) => e.action === 'campaign.emergency_pause').length, { timeout: 10_000 }).toBe(paused.length);

    const resume = await services.handlers['campaigns:resumeEmergency']({});
    expect(
      resume.results
        .filter((r) => r.outcome === 'changed')
        .map((r) => r.campaignId)
        .sort(),
    ).toEqual(paused);
  });
});
