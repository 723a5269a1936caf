import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTenant } from '../../electron/demo-tenant/index';
import { openConsole, type ConsoleInBrowser } from './support/console-browser';

// The first minute on the demo tenant: an import without having a file of one's own.
describe('a sample disposition file from the demo tenant, in Chromium', () => {
  let console_: ConsoleInBrowser;
  beforeAll(async () => {
    console_ = await openConsole();
  });
  afterAll(async () => {
    await console_?.close();
  });

  it('opens a sample of the demo’s own contacts with its problems marked, and imports it', async () => {
    const { page } = console_;
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: /^Dispositions/ })
      .click();
    await page.getByRole('button', { name: 'Open a sample file from the demo tenant' }).click();
    await page.getByText(/^demo-dispositions-.*\.csv$/).waitFor();
    await page.getByText('1 invalid', { exact: false }).first().waitFor();
    await console_.screenshot('dispositions-0-demo-sample');
    expect(await console_.axeViolations()).toEqual([]);

    // The sample's contact on a call hangs up before the import reaches it (the test's dialer is frozen).
    const demo = console_.host.services.tenant.demoTenant()!;
    const onCall = [...demo.state.contacts.values()].flatMap((contacts) => [...contacts.values()]).find((contact) => contact.state === 'CONNECTED')!;
    onCall.state = 'DONE';

    await page.getByRole('button', { name: /^Apply \d+ rows/ }).click();
    const report = page.getByRole('region', { name: /^Import report/ });
    await report.waitFor({ timeout: 90_000 });
    // 200 rows, the later of the contact twice, the opt-out, the one on a call, and the last; one no-op, one unknown outcome, one superseded.
    const counts = await report.getByRole('table', { name: 'Rows by result' }).getByRole('cell').allTextContents();
    expect(counts.slice(0, 5)).toEqual(['204', '1', '1', '1', '0']);
    expect(await report.textContent()).toMatch(/1 DO_NOT_CALL number added to the local suppression list/);
    expect(demo.state.contacts.get(onCall.campaignId)?.get(onCall.id)?.outcomeCode).toBe('CALLBACK_LATER');
  });

  it('is offered only on the demo tenant, and says why elsewhere', async () => {
    const { page } = console_;
    const other = await startDemoTenant({ dialerTickMs: 0, campaignCount: 4, contactsPerCampaign: 5 });
    try {
      await console_.host.services.handlers['tenant:connect']({
        label: 'Production',
        apiBaseUrl: other.url,
        tokenUrl: other.tokenUrl,
        clientId: other.clientId,
        clientSecret: other.clientSecret,
      });
      await page.getByRole('button', { name: 'Choose another file' }).click();
      await page.getByRole('heading', { name: 'Choose a disposition file (CSV)' }).waitFor();
      expect(await page.getByRole('button', { name: 'Open a sample file from the demo tenant' }).count()).toBe(0);
      const refusal = await console_.host.services.handlers['dispositions:demoSample']({}).then(
        () => 'made a file',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
      expect(refusal).toContain('connect the demo tenant in Settings');
    } finally {
      await console_.host.services.handlers['tenant:useDemo']({});
      await other.close();
    }
  });
});
