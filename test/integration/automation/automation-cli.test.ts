import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { automationTenantDir } from '../../../electron/automation/automation-folder';
import { createRunnerLease } from '../../../electron/automation/runner-lease';
import { runCli } from '../../../electron/host/cli/cli';
import { capturedIo } from '../cli/cli-io';
import { startTenant } from '../tenant/support';
import { tempDir } from './support';

describe('cxone-console automation weather --once', () => {
  let tenant: DemoTenantHandle;
  let folder: Awaited<ReturnType<typeof tempDir>>;
  let target: { id: string; region: string };
  beforeAll(async () => {
    tenant = await startTenant();
  });
  afterAll(() => tenant.close());
  beforeEach(async () => {
    folder = await tempDir();
    const running = [...tenant.state.campaigns.values()].find((c) => c.status === 'running' && c.customAttributes.region)!;
    target = { id: running.id, region: running.customAttributes.region! };
    const hour = 3_600_000;
    tenant.setWeatherAlerts([
      {
        id: 'storm-1',
        event: 'Winter Storm Warning',
        severity: 'Severe',
        regions: [target.region],
        effective: new Date(Date.now() - hour).toISOString(),
        expires: new Date(Date.now() + hour).toISOString(),
      },
    ]);
  });
  afterEach(() => folder.remove());

  const env = () => ({
    CXONE_BASE_URL: tenant.url,
    CXONE_CLIENT_ID: tenant.clientId,
    CXONE_CLIENT_SECRET: tenant.clientSecret,
    CXONE_DATA_DIR: folder.dir,
  });
  const weather = (...extra: string[]) => ['automation', 'weather', '--alerts-url', `${tenant.url}/demo/alerts/nws`, '--once', '--json', ...extra];
  type Document = { result: string; decisions: { campaignId: string; action: string; outcome: string; reason: string; alerts: string[] }[] };

  it('prints one JSON document of its decisions; a dry run pauses nothing, a real run pauses the campaign under the alert', async () => {
    const dry = capturedIo(env());
    expect(await runCli(weather('--dry-run'), dry.io)).toBe(0);
    const planned = JSON.parse(dry.stdout()) as Document;
    expect(planned.decisions).toContainEqual(expect.objectContaining({ campaignId: target.id, action: 'pause', outcome: 'would-apply', alerts: ['storm-1'] }));
    expect(tenant.state.campaigns.get(target.id)!.status).toBe('running');

    const real = capturedIo(env());
    expect(await runCli(weather(), real.io)).toBe(0);
    const done = JSON.parse(real.stdout()) as Document;
    expect(done.decisions).toContainEqual(expect.objectContaining({ campaignId: target.id, action: 'pause', outcome: 'applied', alerts: ['storm-1'] }));
    expect(tenant.state.campaigns.get(target.id)!.status).toBe('paused');
    tenant.state.campaigns.get(target.id)!.status = 'running';
  });

  it('refuses a real run while another runner holds the lease, naming it, and still allows a dry run', async () => {
    const dir = automationTenantDir(folder.dir, { profileId: 'cli', isDemo: false, apiBaseUrl: tenant.url, clientId: tenant.clientId });
    const other = createRunnerLease({ dir, kind: 'app', label: 'Console app (lead)', leaseMs: 60_000 });
    expect(await other.tryAcquire()).toEqual({ held: true });
    const refused = capturedIo(env());
    expect(await runCli(weather(), refused.io)).toBe(1);
    expect(refused.stderr()).toContain('run by another console app (Console app (lead))');
    expect(tenant.state.campaigns.get(target.id)!.status).toBe('running');
    expect(await runCli(weather('--dry-run'), capturedIo(env()).io)).toBe(0);
    await other.release();
  });

  it('names a bad setting and exits 2', async () => {
    const io = capturedIo(env());
    expect(await runCli(['automation', 'weather', '--alerts-url', 'http://alerts.example.com/feed', '--once'], io.io)).toBe(2);
    expect(io.stderr()).toContain('Alerts feed URL must use https://');
    const severity = capturedIo(env());
    expect(await runCli(['automation', 'weather', '--alerts-url', `${tenant.url}/demo/alerts/nws`, '--severity', 'Apocalyptic', '--once'], severity.io)).toBe(
      2,
    );
    expect(severity.stderr()).toContain('--severity takes one of Minor, Moderate, Severe, Extreme');
  });
});

describe('cxone-console automation capacity --once', () => {
  it('prints the limits it would set as one JSON document on a dry run, and writes none', async () => {
    const tenant = await startTenant();
    const folder = await tempDir();
    try {
      const limits = () => [...tenant.state.campaigns.values()].map((c) => `${c.id}:${c.rules.maxConcurrentCalls}:${c.version}`);
      const before = limits();
      const io = capturedIo({
        CXONE_BASE_URL: tenant.url,
        CXONE_CLIENT_ID: tenant.clientId,
        CXONE_CLIENT_SECRET: tenant.clientSecret,
        CXONE_DATA_DIR: folder.dir,
      });
      expect(await runCli(['automation', 'capacity', '--once', '--dry-run', '--safety', '0.5', '--json'], io.io)).toBe(0);
      const document = JSON.parse(io.stdout()) as {
        dryRun: boolean;
        decisions: { campaignId: string; availableAgents: number | null; newLimit: number | null }[];
      };
      expect(document.dryRun).toBe(true);
      expect(document.decisions.length).toBeGreaterThan(0);
      expect(document.decisions.every((decision) => typeof decision.availableAgents === 'number')).toBe(true);
      expect(limits()).toEqual(before);
    } finally {
      await tenant.close();
      await folder.remove();
    }
  });
});
