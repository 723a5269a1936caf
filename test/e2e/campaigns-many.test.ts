import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleInBrowser } from './support/console-browser';

// A tenant with 5,000 campaigns: the table keeps only what is in view in the page.
describe('campaign table with 5,000 campaigns in Chromium', () => {
  let console_: ConsoleInBrowser;
  beforeAll(async () => {
    console_ = await openConsole({ demoTenant: { campaignCount: 5000, contactsPerCampaign: 1 } });
  });
  afterAll(async () => {
    await console_?.close();
  });

  it('lists all of them but renders only the rows in view, and reaches the last one from the keyboard', async () => {
    const { page } = console_;
    await page.getByText('5000 campaigns', { exact: false }).waitFor({ timeout: 60_000 });
    const rendered = await page.locator('tr[data-campaign-id]').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(100);

    await page.locator('tr[data-campaign-id]').first().focus();
    await page.keyboard.press('End');
    const names = [...console_.host.services.tenant.demoTenant()!.state.campaigns.values()].map((c) => c.name).sort((a, b) => a.localeCompare(b));
    const lastName = names[names.length - 1]!;
    await page.locator('tr[data-campaign-id]:focus').getByText(lastName, { exact: true }).waitFor();
    expect(await page.locator('tr[data-campaign-id]').count()).toBeLessThan(100);
    await console_.screenshot('campaigns-6-five-thousand-end');

    // Scrolled back to the top, the focused last row has left the page; Tab must still reach a row.
    await page.locator('.campaign-table').evaluate((element) => element.scrollTo({ top: 0 }));
    await page.locator('tr[data-row-index="0"]').waitFor();
    expect(await page.locator('tr[data-campaign-id][tabindex="0"]').count()).toBe(1);
  });
});
