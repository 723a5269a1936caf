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
    expect(await page.getByLabel('Emergency pause', { exact: true }).inputValue()).toBe('without_force');

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
    // Disabled with the reason beside it, and the focus on that reason rather than lost with the button.
    const create = page.getByRole('button', { name: 'Create draft campaign' });
    expect(await create.isDisabled()).toBe(true);
    expect(await create.getAttribute('aria-describedby')).toBe(await notice.getAttribute('id'));
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/not available on this tenant/);
    await console_.screenshot('admin-api-3-create-not-available');
    // A changed definition cannot make this tenant create campaigns: still disabled, still saying why.
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Next: review' }).click();
    expect(await page.getByRole('button', { name: 'Create draft campaign' }).isDisabled()).toBe(true);
    await notice.waitFor();
    const demo = console_.host.services.tenant.adminApiDemoTenant();
    expect([...(demo?.state.skills.values() ?? [])].some((skill) => skill.skillName === 'Admin API Wave')).toBe(false);
    expect(await console_.axeViolations()).toEqual([]);
  });

  it('Settings changes the emergency pause to the forced stop on its own, and edits the outcome → disposition mapping the import uses', async () => {
    const { page } = console_;
    const demo = console_.host.services.tenant.adminApiDemoTenant();
    if (!demo) throw new Error('the Admin API demo tenant did not start');
    await screen(/^Settings/, 'Settings');
    const panel = page.getByRole('region', { name: /Admin API settings/ });
    const mode = panel.getByLabel('Emergency pause stops skills with');
    expect(await mode.inputValue()).toBe('without_force');
    await mode.selectOption('forced');
    await panel.getByRole('button', { name: 'Save emergency pause' }).click();
    await panel.getByText('Saved: the next emergency pause forces the stop').waitFor();
    expect(console_.host.services.tenant.status()).toMatchObject({ emergencyStop: 'forced', connection: 'connected', isDemo: true });
    // The connection form (secrets and all) was not needed, and now starts from the mode in force.
    expect(await page.getByLabel('Emergency pause', { exact: true }).inputValue()).toBe('forced');

    const mapping = panel.getByRole('table', { name: 'Outcome code to disposition' });
    await mapping.getByLabel('Outcome code of INTERESTED').waitFor();
    await panel.getByText('Not saved yet: imports match outcome codes to dispositions by name').waitFor();
    const voicemail = demo.state.dispositions.find((d) => d.dispositionName === 'Left voicemail');
    if (!voicemail) throw new Error('no Left voicemail disposition');
    await panel.getByRole('button', { name: 'Add outcome code' }).click();
    await panel.getByRole('button', { name: 'Save mapping' }).click();
    await mapping.getByText('Outcome code "" must be 3–20 capital letters or underscores.').waitFor();
    await mapping.getByLabel('Outcome code of new row').fill('voicemail');
    await mapping.getByLabel('Disposition for VOICEMAIL').selectOption(String(voicemail.dispositionId));
    await panel.getByRole('button', { name: 'Save mapping' }).click();
    await panel.getByText('Mapping saved').waitFor();
    expect(console_.host.services.tenant.profile()?.adminApi?.outcomeDispositions).toMatchObject({ VOICEMAIL: String(voicemail.dispositionId) });
    await panel.getByRole('heading', { name: 'Outcome codes → dispositions' }).scrollIntoViewIfNeeded();
    await console_.screenshot('admin-api-4-settings-mapping');
    expect(await console_.axeViolations()).toEqual([]);
  });

  it('the Schedules screen lists the skills with their status and says schedules are not available on this tenant, with the reason', async () => {
    const { page } = console_;
    const demo = console_.host.services.tenant.adminApiDemoTenant();
    await screen(/^Schedules/, 'Schedules');
    const notice = page.getByRole('status').filter({ hasText: 'Schedules are not available on this tenant' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/per-weekday calling hours .*not a cron schedule/);
    const skills = [...(demo?.state.skills.values() ?? [])].filter((s) => s.isOutbound && s.outboundStrategy === 'Personal Connection');
    await page.getByText(`${skills.length} campaigns`).waitFor();
    const picker = page.getByRole('region', { name: 'Campaigns' });
    // No cron, zone, window or allocation columns where a skill has none of them to show.
    expect(await picker.getByRole('columnheader').allTextContents()).toEqual(['Campaign', 'Status']);
    expect(await page.getByText('Agents needed vs agents skilled').count()).toBe(0);
    const skill = skills.find((s) => s.isActive && s.isRunning);
    if (!skill) throw new Error('no running skill');
    const row = picker.locator(`tr[data-campaign-id="${skill.skillId}"]`);
    await row.getByText('Running', { exact: true }).waitFor();
    await row.focus();
    await row.press('Enter');
    await notice.waitFor();
    expect(await page.getByRole('button', { name: 'Check compliance' }).count()).toBe(0);
    await page.getByText('Set each skill’s calling hours per weekday in CXone').waitFor();
    await console_.screenshot('admin-api-5-schedules');
    expect(await console_.axeViolations()).toEqual([]);
  });
});
