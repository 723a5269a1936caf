import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { runCli } from '../../../electron/host/cli/cli';
import { capturedIo } from './cli-io';

describe('cxone-console campaigns list', () => {
  let tenant: DemoTenantHandle;
  let env: Record<string, string>;
  beforeAll(async () => {
    tenant = await startDemoTenant({ seed: 5, dialerTickMs: 0, campaignCount: 30, contactsPerCampaign: 5 });
    env = { CXONE_BASE_URL: tenant.url, CXONE_CLIENT_ID: tenant.clientId, CXONE_CLIENT_SECRET: tenant.clientSecret };
  });
  afterAll(() => tenant.close());

  it('prints every campaign as one JSON array with --json and exits 0', async () => {
    const terminal = capturedIo(env);
    expect(await runCli(['campaigns', 'list', '--json'], terminal.io)).toBe(0);
    const parsed = JSON.parse(terminal.stdout()) as { id: string }[];
    expect(parsed.map((c) => c.id)).toEqual([...tenant.state.campaigns.keys()]);
    expect(terminal.stdout().trim().split('\n')).toHaveLength(1);
    expect(terminal.stderr()).toBe('');
  });

  it('filters by status', async () => {
    const terminal = capturedIo(env);
    expect(await runCli(['campaigns', 'list', '--status', 'paused', '--json'], terminal.io)).toBe(0);
    const parsed = JSON.parse(terminal.stdout()) as { status: string }[];
    const expected = [...tenant.state.campaigns.values()].filter((c) => c.status === 'paused').length;
    expect(parsed).toHaveLength(expected);
    expect(parsed.every((c) => c.status === 'paused')).toBe(true);
  });

  it('prints an aligned table with a header and one line per campaign', async () => {
    const terminal = capturedIo(env);
    expect(await runCli(['campaigns', 'list'], terminal.io)).toBe(0);
    const lines = terminal.stdout().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+ID\s+STATUS\s+DIALER\s+REGION\s+MAX CALLS$/);
    expect(lines).toHaveLength(tenant.state.campaigns.size + 1);
    const idColumn = lines[0]?.indexOf('ID') ?? -1;
    const first = [...tenant.state.campaigns.values()][0];
    expect(lines[1]?.slice(idColumn).startsWith(first?.id ?? '?')).toBe(true);
  });

  it('exits 2 naming the missing environment variable', async () => {
    const terminal = capturedIo({ CXONE_BASE_URL: tenant.url, CXONE_CLIENT_ID: tenant.clientId });
    expect(await runCli(['campaigns', 'list'], terminal.io)).toBe(2);
    expect(terminal.stderr()).toContain('CXONE_CLIENT_SECRET');
    expect(terminal.stderr().trim().split('\n')).toHaveLength(1);
    expect(terminal.stdout()).toBe('');
  });

  it('exits 1 with one readable line when the tenant refuses the credentials', async () => {
    const terminal = capturedIo({ ...env, CXONE_CLIENT_SECRET: 'wrong' });
    expect(await runCli(['campaigns', 'list', '--json'], terminal.io)).toBe(1);
    expect(terminal.stderr()).toMatch(/^cxone-console: .*client id and secret.*\n$/);
    expect(terminal.stderr()).not.toContain('wrong');
    expect(terminal.stdout()).toBe('');
  });

  it('exits 2 on usage errors: unknown option, bad status, unknown command, no command', async () => {
    for (const argv of [['campaigns', 'list', '--bogus'], ['campaigns', 'list', '--status', 'sleeping'], ['nonsense'], []]) {
      const terminal = capturedIo(env);
      expect(await runCli(argv, terminal.io), argv.join(' ')).toBe(2);
    }
  });

  it('exits 0 for --help', async () => {
    const terminal = capturedIo(env);
    expect(await runCli(['--help'], terminal.io)).toBe(0);
    expect(terminal.stdout()).toContain('campaigns');
  });
});
