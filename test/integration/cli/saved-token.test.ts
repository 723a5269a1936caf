import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { runCli } from '../../../electron/host/cli/cli';
import { capturedIo } from './cli-io';

/** A command signs in once; the next command (a new process in real life) uses the token it left in the data folder. */
describe('the command line keeps its token in the data folder', () => {
  let tenant: DemoTenantHandle;
  let dataDir: string;
  let env: Record<string, string>;
  let arrivals: string[];
  let stopHearing: () => void;

  beforeEach(async () => {
    tenant = await startDemoTenant({ seed: 5, dialerTickMs: 0, campaignCount: 20, contactsPerCampaign: 3, activationMs: 50 });
    dataDir = mkdtempSync(join(tmpdir(), 'cxone-cli-token-'));
    env = { CXONE_BASE_URL: tenant.url, CXONE_CLIENT_ID: tenant.clientId, CXONE_CLIENT_SECRET: tenant.clientSecret, CXONE_DATA_DIR: dataDir };
    arrivals = [];
    stopHearing = tenant.onRequest((arrival) => arrivals.push(`${arrival.method} ${arrival.path.split('?')[0]}`));
  });

  afterEach(async () => {
    stopHearing();
    await tenant.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const cli = async (argv: string[], changes: Record<string, string> = {}) => {
    const terminal = capturedIo({ ...env, ...changes });
    const code = await runCli(argv, terminal.io);
    return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
  };
  const signIns = () => arrivals.filter((line) => line === 'POST /oauth2/token').length;
  const running = () => [...tenant.state.campaigns.values()].filter((c) => c.status === 'running').map((c) => c.id);

  it('the emergency pause after a `campaigns list` sends no sign-in, and every campaign ends paused', async () => {
    expect((await cli(['campaigns', 'list', '--json'])).code).toBe(0);
    expect(signIns()).toBe(1);
    expect(readdirSync(join(dataDir, 'tokens'))).toHaveLength(1);
    const dialing = running();
    expect(dialing.length).toBeGreaterThan(0);
    arrivals.length = 0;
    const pause = await cli(['campaigns', 'pause', '--all', '--json']);
    expect(pause.code).toBe(0);
    expect(signIns()).toBe(0);
    expect(arrivals.filter((line) => line.startsWith('PATCH ')).length).toBeGreaterThanOrEqual(dialing.length);
    for (const id of dialing) expect(tenant.state.campaigns.get(id)?.status).toBe('paused');
  });

  it('a saved token the tenant has revoked gets one sign-in and one replay; the command still succeeds and the new token is kept', async () => {
    expect((await cli(['campaigns', 'list', '--json'])).code).toBe(0);
    tenant.revokeAllTokens();
    const dialing = running();
    arrivals.length = 0;
    tenant.resetStats();
    const pause = await cli(['campaigns', 'pause', '--all', '--json']);
    expect(pause.code).toBe(0);
    expect(signIns()).toBe(1);
    // Every worker that carried the revoked token was refused once, and none twice.
    expect(tenant.stats().byStatus[401]).toBeGreaterThan(0);
    expect(tenant.stats().byStatus[401]).toBeLessThanOrEqual(16);
    for (const id of dialing) expect(tenant.state.campaigns.get(id)?.status).toBe('paused');
    arrivals.length = 0;
    expect((await cli(['campaigns', 'list', '--json'])).code).toBe(0);
    expect(signIns()).toBe(0);
  });

  it('a wrong secret is refused even though a token another run saved is still fresh', async () => {
    expect((await cli(['campaigns', 'list', '--json'])).code).toBe(0);
    const dialing = running();
    const pause = await cli(['campaigns', 'pause', '--all', '--json'], { CXONE_CLIENT_SECRET: 'not-the-secret' });
    expect(pause.code).not.toBe(0);
    const report = JSON.parse(pause.stdout) as { campaigns: { id: string; outcome: string; reason?: string; error?: { kind: string } }[] };
    expect(report.campaigns.map((campaign) => campaign.id)).toEqual(expect.arrayContaining(dialing));
    for (const campaign of report.campaigns) {
      expect(campaign).toMatchObject({ outcome: 'failed', error: { kind: 'authentication' } });
      expect(campaign.reason).not.toContain('may have been applied');
    }
    expect(arrivals.filter((line) => line.startsWith('PATCH '))).toEqual([]);
    for (const id of dialing) expect(tenant.state.campaigns.get(id)?.status).toBe('running');
  });

  it('CXONE_SAVE_TOKEN=0 keeps the token in memory only; another value is refused naming the variable', async () => {
    expect((await cli(['campaigns', 'list', '--json'], { CXONE_SAVE_TOKEN: '0' })).code).toBe(0);
    expect((await cli(['campaigns', 'list', '--json'], { CXONE_SAVE_TOKEN: '0' })).code).toBe(0);
    expect(signIns()).toBe(2);
    expect(existsSync(join(dataDir, 'tokens'))).toBe(false);
    const refused = await cli(['campaigns', 'list'], { CXONE_SAVE_TOKEN: 'yes' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('CXONE_SAVE_TOKEN must be 1');
    expect(signIns()).toBe(2);
  });
});
