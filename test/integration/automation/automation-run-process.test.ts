import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { queryAuditDir } from '../../../electron/audit/read-audit';
import { automationTenantDir } from '../../../electron/automation/automation-folder';
import { automationRules } from '../../../electron/automation/rule-registry';
import { buildCli } from '../../support/cli-process';
import { connectTo, startTenant } from '../tenant/support';
import { enableRuleAsTheAppWould, eventually, tempDir } from './support';

const hasWeatherRule = automationRules().some((rule) => rule.id === 'weather');

// The bundled command line in its own process, stopped the way a service manager stops it.
describe.skipIf(!hasWeatherRule)('cxone-console automation run as a process', () => {
  let tenant: DemoTenantHandle;
  let folder: Awaited<ReturnType<typeof tempDir>>;
  let startCli: Awaited<ReturnType<typeof buildCli>>;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    startCli = await buildCli('test-automation-cli');
    // Slow answers, so the SIGTERM lands while writes are on their way.
    tenant = await startTenant({ latencyMs: 150, campaignCount: 40 });
    // A storm over every region a running campaign dials, so the rule has several campaigns to pause.
    const regions = [
      ...new Set(
        [...tenant.state.campaigns.values()]
          .filter((c) => c.status === 'running')
          .map((c) => c.customAttributes.region)
          .filter(Boolean),
      ),
    ];
    const hour = 3_600_000;
    tenant.setWeatherAlerts([
      {
        id: 'storm',
        event: 'Winter Storm Warning',
        severity: 'Severe',
        regions: regions as string[],
        effective: new Date(Date.now() - hour).toISOString(),
        expires: new Date(Date.now() + hour).toISOString(),
      },
    ]);
    folder = await tempDir();
    env = {
      ...process.env,
      CXONE_DATA_DIR: folder.dir,
      CXONE_BASE_URL: tenant.url,
      CXONE_CLIENT_ID: tenant.clientId,
      CXONE_CLIENT_SECRET: tenant.clientSecret,
    };
  });
  afterAll(async () => {
    await tenant?.close();
    await folder?.remove();
  });

  it('runs the enabled rules, prints one line per decision, and on SIGTERM finishes the write in flight, releases the lease and exits 0', async () => {
    // The rule enabled as the app would save it, in the folder the command line uses for this tenant.
    const dir = automationTenantDir(folder.dir, { profileId: 'cli', isDemo: false, apiBaseUrl: tenant.url, clientId: tenant.clientId });
    const connection = connectTo(tenant);
    await enableRuleAsTheAppWould(dir, connection, tenant.url, 'weather', { alertsUrl: `${tenant.url}/demo/alerts/nws` });
    connection.close();

    const cli = startCli(['automation', 'run'], env);
    let stdout = '';
    let stderr = '';
    cli.child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    cli.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await eventually(() => stderr.includes('this process holds the lease'), 'the command line to hold the lease', 60_000);
    expect(existsSync(join(dir, 'lease.json'))).toBe(true);
    await eventually(() => / weather \S+ /.test(stdout), 'a first decision line', 60_000);
    cli.child.kill('SIGTERM');
    const finished = await cli.finished;
    expect(finished.code).toBe(0);
    expect(finished.stderr).toContain('Stopping: the write in flight finishes');
    expect(finished.stderr).toContain('Stopped.');
    expect(existsSync(join(dir, 'lease.json'))).toBe(false);

    // Every limit the tenant now holds differently from its seed was written by a decision that was recorded.
    const lines = finished.stdout.trim().split('\n');
    expect(lines.every((line) => / weather \S+ /.test(line))).toBe(true);
    const audited = await queryAuditDir(join(folder.dir, 'audit'), { actorType: 'rule' });
    const applied = lines.filter((line) => / applied/.test(line));
    expect(audited.filter((entry) => entry.outcome === 'success')).toHaveLength(applied.length);
  });
});
