import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleInBrowser } from './support/console-browser';

const screenNames = ['Campaigns', 'Dispositions', 'New campaign', 'Schedules', 'Automation', 'Audit log', 'Settings'];

describe('console shell in Chromium', () => {
  let console_: ConsoleInBrowser;
  beforeAll(async () => {
    console_ = await openConsole();
  });
  afterAll(async () => {
    await console_?.close();
  });

  it('starts on the embedded demo tenant and says so', async () => {
    const { page } = console_;
    await page.getByText('Demo tenant', { exact: true }).first().waitFor();
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    expect(await page.getByLabel('Connected tenant').textContent()).toContain('Demo tenant');
    expect(await page.getByLabel('Connected tenant').textContent()).toContain('Simulated: no real calls');
  });

  it('opens every screen from the sidebar with no accessibility violations', async () => {
    const { page } = console_;
    for (const [index, name] of screenNames.entries()) {
      await page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: new RegExp(`^${name}`) })
        .click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      expect(await console_.axeViolations(), `axe on ${name}`).toEqual([]);
      await console_.screenshot(`shell-${index + 1}-${name.toLowerCase().replace(/\s+/g, '-')}`);
    }
  });

  it('switches screens with Alt+number from the keyboard', async () => {
    const { page } = console_;
    await page.keyboard.press('Alt+6');
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.keyboard.press('Alt+1');
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
  });

  it('shows the tenant requests in diagnostics without secrets', async () => {
    const { page } = console_;
    await page.keyboard.press('Alt+7');
    const log = page.getByRole('region', { name: 'Diagnostics: recent tenant requests' });
    await log.getByText('/api/v2/outbound/campaigns').first().waitFor();
    const text = (await log.textContent()) ?? '';
    expect(text).not.toContain(console_.host.services.tenant.status().clientId ?? 'never');
    expect(text).not.toMatch(/secret|access_token|Bearer/i);
  });
});

describe('tenant connection settings in Chromium', () => {
  let console_: ConsoleInBrowser;
  beforeAll(async () => {
    console_ = await openConsole();
  });
  afterAll(async () => {
    await console_?.close();
  });

  it('names the setting that is out of range and keeps the demo tenant connected', async () => {
    const { page } = console_;
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: /^Settings/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Production');
    await page.getByLabel('API base URL').fill('https://api.example.com');
    await page.getByLabel('Client ID').fill('console-client');
    await page.getByLabel('Client secret').fill('s3cret-value');
    await page.getByLabel('Start rate (requests/s)').fill('0');
    await page.getByLabel('Max requests at once').fill('500');
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByText('Start rate must be above 0').waitFor();
    await page.getByText('Max requests at once can be at most 64').waitFor();
    expect(console_.host.services.tenant.status().isDemo).toBe(true);
    await console_.screenshot('settings-1-rate-limit-messages');
  });
});
