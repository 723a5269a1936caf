import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleInBrowser } from './support/console-browser';

describe('audit log and stored settings in Chromium', () => {
  let console_: ConsoleInBrowser;
  let dataDir: string;
  const stored = () => (JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { consoleSettings: Record<string, unknown> }).consoleSettings;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cxone-e2e-settings-'));
    // A settings file with one value out of range: the others must survive it.
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ consoleSettings: { refreshIntervalSeconds: 1, crmWebhookUrl: 'https://crm.example.com/hook' } }),
    );
    console_ = await openConsole({ dataDir });
  });
  afterAll(async () => {
    await console_?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names the stored setting that is not valid, keeps the others, and warns about a retention under 5 years', async () => {
    const { page } = console_;
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: /^Settings/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'refreshIntervalSeconds is 1, which is not valid' }).waitFor();
    expect(await page.getByLabel('CRM webhook URL (DISPOSITION_UPDATE)').inputValue()).toBe('https://crm.example.com/hook');
    expect(await page.getByLabel(/Remove files older than/).inputValue()).toBe('');
    expect(await page.getByText(/less than 5 years/).count()).toBe(0);

    await page.getByLabel(/Remove files older than/).fill('365');
    await page.getByText('365 days is less than 5 years').waitFor();
    expect(await console_.axeViolations()).toEqual([]);
    await page.getByRole('heading', { name: 'Audit log' }).scrollIntoViewIfNeeded();
    await console_.screenshot('settings-2-audit-log-retention-warning');

    await page.getByRole('form', { name: 'Audit log' }).getByRole('button', { name: 'Save' }).click();
    await page.getByRole('form', { name: 'Audit log' }).getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    // The bad value stays in the file (still reported) rather than being replaced by a default without a word.
    expect(stored()).toEqual({ refreshIntervalSeconds: 1, crmWebhookUrl: 'https://crm.example.com/hook', auditMaxFileMegabytes: 10, auditRetentionDays: 365 });
    expect(console_.host.services.settings.get()).toMatchObject({ auditRetentionDays: 365, refreshIntervalSeconds: 10 });

    // Saving the refresh form with the value it shows fixes the bad one, and the notice goes.
    await page.getByRole('form', { name: 'Refresh and notifications' }).getByRole('button', { name: 'Save' }).click();
    await page.getByRole('form', { name: 'Refresh and notifications' }).getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'refreshIntervalSeconds' }).waitFor({ state: 'detached' });
    expect(stored()).toMatchObject({ refreshIntervalSeconds: 10, crmWebhookUrl: 'https://crm.example.com/hook', auditRetentionDays: 365 });
  });
});
