import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleInBrowser } from './support/console-browser';

describe('the console on a CXone (Admin API) tenant, in Chromium', () => {
  let console_: ConsoleInBrowser;
  beforeAll(async () => {
    console_ = await openConsole();
  });
  afterAll(async () => {
    await console_?.close();
  });

  const screen = async (name: RegExp, heading: string) => {
    await console_.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name }).click();
    await console_.page.getByRole('heading', { level: 1, name: heading }).waitFor();
  };

  it('selects "Demo tenant (Admin API)" in Settings, shows its fields, and pauses a skill from the Campaigns screen', async () => {
    const { page } = console_;
    await screen(/^Settings/, 'Settings');
    await page.getByLabel('Tenant kind').selectOption('cxone-admin');
    await page.getByLabel('Access key ID').fill('');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByText('Access key ID is required').waitFor();
    expect(await page.getByLabel('Issuer').inputValue()).toBe('https://cxone.niceincontact.com');
    expect(await page.getByLabel('Emergency pause').inputValue()).toBe('without_force');

    await page.getByRole('button', { name: 'Use demo tenant (Admin API)' }).click();
    await page.getByLabel('Connected tenant').getByText('Demo tenant (Admin API)', { exact: true }).waitFor();
    const demo = console_.host.services.tenant.adminApiDemoTenant();
    if (!demo) throw new Error('the Admin API demo tenant did not start');
    expect(console_.host.services.tenant.status()).toMatchObject({ adapter: 'cxone-admin', isDemo: true, connection: 'connected' });
    await console_.screenshot('admin-api-1-settings');

    await screen(/^Campaigns/, 'Campaigns');
    const skill = [...demo.state.skills.values()].find((s) => s.isOutbound && s.outboundStrategy === 'Personal Connection' && s.isActive && s.isRunning);
    if (!skill) throw new Error('no running skill seeded');
    await page.getByRole('searchbox', { name: 'Search campaigns' }).fill(skill.skillName);
    const row = page.locator(`tr[data-campaign-id="${skill.skillId}"]`);
    await row.getByRole('button', { name: `Pause ${skill.skillName}` }).click();
    await row.getByText('Paused', { exact: true }).waitFor();
    expect(demo.state.skills.get(skill.skillId)?.isRunning).toBe(false);
    expect(demo.state.startStopLog).toContainEqual({ skillId: skill.skillId, action: 'stop', force: false });
    await row.getByRole('button', { name: skill.skillName, exact: true }).click();
    await page.getByRole('dialog').getByText('none: the Admin API keeps no versions', { exact: false }).waitFor();
    await console_.screenshot('admin-api-2-paused-skill');
    expect(await console_.axeViolations()).toEqual([]);
  });

  it('the New campaign wizard says creating is not available on this tenant, with the reason, and creates nothing', async () => {
    const { page } = console_;
    await screen(/^New campaign/, 'New campaign');
    await page.getByLabel('Name', { exact: true }).fill('Admin API Wave');
    await page.getByLabel('Contact list').selectOption({ index: 1 });
    await page.getByRole('checkbox', { name: /^Interested/ }).check();
    await page.getByLabel('DNC list', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Name', { exact: true }).press('Enter');
    await page.getByText(/references are usable/).waitFor();
    await page.getByRole('button', { name: 'Next: simulate' }).click();
    await page.getByLabel('Replications').fill('10');
    await page.getByLabel('Contacts to dial').fill('1000');
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page.getByRole('heading', { name: 'Staffing (Erlang C)' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Next: review' }).click();
    await page.getByRole('button', { name: 'Create draft campaign' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'not available on this tenant' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Creating a campaign is not available on this tenant: .*Personal Connection skill/);
    expect(await page.getByRole('alert').filter({ hasText: 'Not created' }).count()).toBe(0);
    await console_.screenshot('admin-api-3-create-not-available');
    const demo = console_.host.services.tenant.adminApiDemoTenant();
    expect([...(demo?.state.skills.values() ?? [])].some((skill) => skill.skillName === 'Admin API Wave')).toBe(false);
  });
});
