import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { buildCli } from '../../support/cli-process';

// The bundled command line, in its own process: cronstrue and date-holidays load as they will when shipped.
describe('cxone-console schedule as a shipped process', () => {
  let tenant: DemoTenantHandle;
  let env: NodeJS.ProcessEnv;
  let startCli: Awaited<ReturnType<typeof buildCli>>;
  beforeAll(async () => {
    startCli = await buildCli('test-schedule-cli');
    tenant = await startDemoTenant({ seed: 11, dialerTickMs: 0, campaignCount: 30, contactsPerCampaign: 60 });
    env = { ...process.env, CXONE_BASE_URL: tenant.url, CXONE_CLIENT_ID: tenant.clientId, CXONE_CLIENT_SECRET: tenant.clientSecret };
  });
  afterAll(() => tenant?.close());

  it('reads the cron aloud, checks a Louisiana-holiday week and exits 1 on the violations', async () => {
    const campaign = [...tenant.state.campaigns.values()].find((c) => c.customAttributes.region === 'US-LA')!;
    expect(campaign).toBeDefined();
    const human = await startCli(
      ['schedule', 'check', campaign.id, '--cron', '0 7 * * *', '--tz', 'America/Chicago', '--window', '07:00-12:00', '--from', '2027-02-08', '--days', '7'],
      env,
    ).finished;
    expect(human.stderr).toBe('');
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('At 07:00');
    expect(human.stdout).toMatch(/FEDERAL_HOURS/);
    const json = await startCli(
      [
        'schedule',
        'check',
        campaign.id,
        '--cron',
        '0 7 * * *',
        '--tz',
        'America/Chicago',
        '--window',
        '07:00-12:00',
        '--from',
        '2027-02-08',
        '--days',
        '7',
        '--json',
      ],
      env,
    ).finished;
    const verdict = JSON.parse(json.stdout) as { violations: { rule: string; state: string | null; firstDate: string | null }[] };
    expect(verdict.violations).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'STATE_HOLIDAY', state: 'LA', firstDate: '2027-02-09' })]));
    const usage = await startCli(['schedule', 'check', campaign.id, '--cron', 'nonsense', '--tz', 'America/Chicago'], env).finished;
    expect(usage.code).toBe(2);
  });
});
