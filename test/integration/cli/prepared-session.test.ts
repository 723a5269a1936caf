import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTenant, type DemoRequestArrival, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { runCli } from '../../../electron/host/cli/cli';
import { createCliContext } from '../../../electron/host/cli/cli-context';
import { capturedIo } from './cli-io';

// main.ts starts the token request before it loads runCli; the command must use that request, not ask again.
describe('cxone-console with a session prepared before runCli', () => {
  let tenant: DemoTenantHandle;
  let env: Record<string, string>;
  const arrivals: DemoRequestArrival[] = [];
  beforeAll(async () => {
    tenant = await startDemoTenant({ seed: 7, dialerTickMs: 0, campaignCount: 6, contactsPerCampaign: 2 });
    tenant.onRequest((arrival) => arrivals.push(arrival));
    env = { CXONE_BASE_URL: tenant.url, CXONE_CLIENT_ID: tenant.clientId, CXONE_CLIENT_SECRET: tenant.clientSecret };
  });
  afterAll(() => tenant.close());

  const tokenRequests = () => arrivals.filter((arrival) => arrival.method === 'POST' && /token/.test(arrival.path)).length;

  it('lists the campaigns over the token request the session already started, asking for no second token', async () => {
    arrivals.length = 0;
    const terminal = capturedIo(env);
    const session = createCliContext(terminal.io);
    session.prepareTenant();
    expect(await runCli(['campaigns', 'list', '--json'], terminal.io, session)).toBe(0);
    expect((JSON.parse(terminal.stdout()) as unknown[]).length).toBe(tenant.state.campaigns.size);
    expect(tokenRequests()).toBe(1);
  });

  it('reports a configuration problem the prepared session met as the command runs, naming the variable', async () => {
    const terminal = capturedIo({ CXONE_BASE_URL: tenant.url, CXONE_CLIENT_ID: tenant.clientId });
    const session = createCliContext(terminal.io);
    session.prepareTenant();
    expect(await runCli(['campaigns', 'list'], terminal.io, session)).toBe(2);
    expect(terminal.stderr()).toContain('CXONE_CLIENT_SECRET');
  });
});
