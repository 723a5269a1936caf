import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleInBrowser } from './support/console-browser';

describe('URL settings in Chromium', () => {
  let console_: ConsoleInBrowser;
  beforeAll(async () => {
    console_ = await openConsole();
  });
  afterAll(async () => {
    await console_?.close();
  });

  it('warns beside a plain-http loopback URL and refuses another scheme, naming the setting', async () => {
    const { page } = console_;
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: /^Settings/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

    const crm = page.getByLabel('CRM webhook URL (DISPOSITION_UPDATE)');
    await crm.fill('http://127.0.0.1:9000/hook');
    await page.getByText('Plain http:// is not encrypted').first().waitFor();
    const tenantBase = page.getByLabel('API base URL');
    await tenantBase.fill('http://localhost:8787');
    expect(await page.getByText('Plain http:// is not encrypted').count()).toBe(2);
    expect(await console_.axeViolations(), 'axe on the URL warnings').toEqual([]);
    await console_.screenshot('settings-url-warning');

    await crm.fill('javascript:alert(1)');
    await page.getByRole('form', { name: 'Refresh and notifications' }).getByRole('button', { name: 'Save' }).click();
    await page.getByText('CRM webhook URL must be an https:// URL; javascript: URLs are not allowed.').waitFor();
    expect(console_.host.services.settings.get().crmWebhookUrl).toBe('');
    await console_.screenshot('settings-url-refused');
  });
});
