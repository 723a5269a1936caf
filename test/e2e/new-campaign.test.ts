import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleInBrowser } from './support/console-browser';

const campaignName = 'E2E Solar Leads Wave 3';

describe('new campaign wizard in Chromium against the demo tenant', () => {
  let console_: ConsoleInBrowser;
  beforeAll(async () => {
    console_ = await openConsole();
    await console_.page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: /^New campaign/ })
      .click();
    await console_.page.getByRole('heading', { level: 1, name: 'New campaign' }).waitFor();
  });
  afterAll(async () => {
    await console_?.close();
  });

  it('shows inline messages for an incomplete definition and creates nothing', async () => {
    const { page } = console_;
    await page.getByRole('button', { name: 'Next: check references' }).click();
    await page.getByText('Give the campaign a name').waitFor();
    await page.getByText('Pick the contact list this campaign dials').waitFor();
    await page.getByText('Pick at least one wrap-up code so agents can close their calls').waitFor();
    expect(await page.getByLabel('Name', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    await console_.screenshot('new-campaign-1-definition-messages');
    expect(await console_.axeViolations()).toEqual([]);
  });

  it('finds a reference the tenant cannot use and says which and why', async () => {
    const { page } = console_;
    await page.getByLabel('Name', { exact: true }).fill(campaignName);
    await page.getByLabel('Contact list').selectOption({ index: 1 });
    await page.getByRole('checkbox', { name: /^Interested/ }).check();
    await page.getByRole('checkbox', { name: /^Not interested/ }).check();
    await page.getByLabel('DNC list', { exact: true }).selectOption('dnc-03');
    await console_.screenshot('new-campaign-2-definition-filled');
    await page.getByRole('button', { name: 'Next: check references' }).click();
    await page.getByRole('heading', { name: 'Check references' }).waitFor();
    const failing = page.getByRole('row').filter({ hasText: 'dnc-03' });
    await failing.getByText('Inactive', { exact: true }).waitFor();
    expect(await failing.textContent()).toMatch(/is INACTIVE, so numbers on it would not be suppressed; pick an ACTIVE DNC list/);
    await page.getByText('1 of 5 references need fixing').waitFor();
    expect(await page.getByRole('button', { name: 'Next: simulate' }).isDisabled()).toBe(true);
    await console_.screenshot('new-campaign-3-reference-error');
    expect(await console_.axeViolations()).toEqual([]);
  });

  it('takes the lead back to the field to fix it, then passes the check', async () => {
    const { page } = console_;
    await page.getByRole('row').filter({ hasText: 'dnc-03' }).getByRole('button', { name: 'Fix' }).click();
    const dnc = page.getByLabel('DNC list', { exact: true });
    await page.getByText(/dnc-03 .* is INACTIVE/).waitFor();
    expect(await dnc.evaluate((el) => el === document.activeElement)).toBe(true);
    await console_.screenshot('new-campaign-4-fix-inline');
    await dnc.selectOption('dnc-01');
    await page.getByRole('button', { name: 'Next: check references' }).click();
    await page.getByText('All 5 references are usable.').waitFor();
    await page.getByRole('button', { name: 'Next: simulate' }).click();
    await page.getByRole('heading', { name: 'Simulate staffing and pacing' }).waitFor();
  });

  it('runs the simulation on worker threads, can cancel it, and shows charts with numbers and their 95% intervals', async () => {
    const { page } = console_;
    await page.getByLabel('Replications').fill('2000');
    await page.getByLabel('Contacts to dial').fill('200000');
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Cancelled; nothing was kept.').waitFor();

    await page.getByLabel('Replications').fill('60');
    await page.getByLabel('Contacts to dial').fill('5000');
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page.getByRole('heading', { name: 'Staffing (Erlang C)' }).waitFor({ timeout: 60_000 });
    await page.getByText('Abandoned calls vs dial ratio').waitFor();
    await page.getByText('Occupancy and service level vs agents').waitFor();
    await page.getByText('List completion over time').waitFor();
    expect(await page.locator('.nc-chart svg').count()).toBeGreaterThanOrEqual(3);
    const recommended = page.getByRole('row', { name: /Predictive \(recommended\)/ });
    await recommended.waitFor();
    // Each figure carries its interval, and the note says how many replications each setting took.
    expect(await recommended.textContent()).toMatch(/± \d+\.\d\d pt.*± \d+\.\d pt.*± \d+/);
    expect(await page.getByText(/of at most 60 replications per setting/).textContent()).toMatch(
      /Each setting stopped once its 95% intervals were within ±1 %/,
    );
    const sweepRow = page.getByRole('region', { name: 'Abandonment by dial ratio, numbers' }).getByRole('row').nth(1);
    expect(await sweepRow.textContent()).toMatch(/\d+\.\d\d – \d+\.\d\d %/);
    await console_.screenshot('new-campaign-5-simulation');
    await page.getByText('Occupancy and service level vs agents').scrollIntoViewIfNeeded();
    await console_.screenshot('new-campaign-5b-charts');
    await page.getByText('List completion over time').scrollIntoViewIfNeeded();
    await console_.screenshot('new-campaign-5c-completion');
    expect(await console_.axeViolations()).toEqual([]);
  });

  it('creates the campaign as a draft and opens it in the campaign list', async () => {
    const { page, host } = console_;
    await page.getByRole('button', { name: 'Next: review' }).click();
    await page.getByRole('heading', { name: 'Review & create' }).waitFor();
    await console_.screenshot('new-campaign-6-review');
    expect(await console_.axeViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Create draft campaign' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    const drawer = page.getByRole('dialog', { name: campaignName });
    await drawer.waitFor();
    expect(await drawer.textContent()).toContain('Draft');
    await console_.screenshot('new-campaign-7-created-in-list');

    const created = [...host.services.campaigns.snapshot().campaigns].filter((c) => c.name === campaignName);
    expect(created).toHaveLength(1);
    expect(created[0]?.status).toBe('draft');
    expect(created[0]?.dncListId).toBe('dnc-01');
  });
});

describe('new campaign wizard when the tenant has no free campaign licence', () => {
  let console_: ConsoleInBrowser;
  beforeAll(async () => {
    console_ = await openConsole({ demoTenant: { licenceLimit: 1 } });
  });
  afterAll(async () => {
    await console_?.close();
  });

  it('explains the 403 licence answer, says what to do, and stays on the wizard', async () => {
    const { page, host } = console_;
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: /^New campaign/ })
      .click();
    await page.getByLabel('Name', { exact: true }).fill('Licence Test');
    await page.getByLabel('Contact list').selectOption({ index: 1 });
    await page.getByRole('checkbox', { name: /^Interested/ }).check();
    await page.getByLabel('DNC list', { exact: true }).selectOption('dnc-01');
    await page.getByLabel('Name', { exact: true }).press('Enter');
    await page.getByText('All 4 references are usable.').waitFor();
    await page.getByRole('button', { name: 'Next: simulate' }).click();
    await page.getByLabel('Replications').fill('10');
    await page.getByLabel('Contacts to dial').fill('1000');
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page.getByRole('heading', { name: 'Staffing (Erlang C)' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Next: review' }).click();
    await page.getByRole('button', { name: 'Create draft campaign' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Not created' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /no free campaign licence.*Complete a campaign you no longer need, or ask your CXone administrator for more campaign licences/,
    );
    await page.getByRole('heading', { name: 'Review & create' }).waitFor();
    await console_.screenshot('new-campaign-8-licence-refused');
    expect(host.services.campaigns.snapshot().campaigns.some((c) => c.name === 'Licence Test')).toBe(false);
  });
});
