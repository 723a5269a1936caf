import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoContact } from '../../electron/demo-tenant/index';
import { openConsole, openTypedPath, type ConsoleInBrowser } from './support/console-browser';

const header = 'campaign_id,contact_id,outcome_code,agent_id,disposition_timestamp';

describe('dispositions import: contacts on a call, in Chromium', () => {
  let console_: ConsoleInBrowser;
  let dir: string;
  let contacts: DemoContact[];
  let onCall: DemoContact[];
  let file: string;
  const versions = new Map<string, number>();

  beforeAll(async () => {
    // Long enough that only "Finish now" ends the wait in this test.
    process.env.CXONE_IMPORT_BUSY_WAIT_SECONDS = '600';
    console_ = await openConsole({ demoTenant: { dialerTickMs: 0, latencyMs: 20 } });
    dir = mkdtempSync(join(tmpdir(), 'dispo-busy-e2e-'));
    const demo = console_.host.services.tenant.demoTenant();
    if (!demo) throw new Error('the console did not start on the demo tenant');
    contacts = [];
    for (const campaignContacts of demo.state.contacts.values()) {
      for (const contact of campaignContacts.values()) if (contact.state === 'PENDING' && contacts.length < 30) contacts.push(contact);
    }
    onCall = [contacts[3]!, contacts[11]!, contacts[20]!, contacts[27]!];
    for (const contact of onCall) contact.state = 'CONNECTED';
    for (const contact of contacts) versions.set(contact.id, contact.version);
    file = join(dir, 'busy-calls.csv');
    writeFileSync(file, `${[header, ...contacts.map((c) => `${c.campaignId},${c.id},INTERESTED,agent-007,2026-11-20T15:00:00Z`)].join('\n')}\n`);
  });
  afterAll(async () => {
    delete process.env.CXONE_IMPORT_BUSY_WAIT_SECONDS;
    await console_?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the contacts on a call with a countdown and Finish now, ends with them waiting, and retries just them from the report', async () => {
    const { page } = console_;
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: /^Dispositions/ })
      .click();
    await openTypedPath(page, file);
    await page.getByRole('heading', { level: 2, name: 'busy-calls.csv' }).waitFor();
    await page.getByRole('button', { name: /^Apply 30 rows/ }).click();

    const progress = page.getByRole('region', { name: 'Applying dispositions' });
    const tail = progress.getByRole('status').filter({ hasText: /4 contacts on a call/ });
    await tail.waitFor({ timeout: 60_000 });
    expect(await tail.textContent()).toMatch(/4 contacts on a call — (retrying in \d+ s|retrying now)/);
    await console_.screenshot('dispositions-busy-1-countdown');
    expect(await console_.axeViolations(), 'axe on the busy countdown').toEqual([]);
    await tail.getByRole('button', { name: 'Finish now' }).click();

    const report = page.getByRole('region', { name: /^Import report/ });
    await report.waitFor({ timeout: 60_000 });
    const counts = report.getByRole('table', { name: 'Rows by result' });
    expect((await counts.getByRole('cell').allTextContents()).slice(0, 7)).toEqual(['26', '0', '0', '0', '0', '4', '0']);
    expect(await report.getByRole('table', { name: 'Rows not applied' }).getByText('On a call — waiting').count()).toBe(4);
    await console_.screenshot('dispositions-busy-2-report-waiting');
    expect(await console_.axeViolations(), 'axe on the report with waiting contacts').toEqual([]);
    for (const contact of onCall) expect(contact.outcomeCode).toBeNull();

    // The calls end; the report's button sends just those four rows.
    for (const contact of onCall) contact.state = 'DONE';
    await report.getByRole('button', { name: 'Retry the 4 contacts on a call' }).click();
    const retried = page.getByRole('region', { name: /^Import report/ }).filter({ hasText: 'Finished: every row applied or already so' });
    await retried.waitFor({ timeout: 60_000 });
    expect((await retried.getByRole('table', { name: 'Rows by result' }).getByRole('cell').allTextContents()).slice(0, 7)).toEqual([
      '30',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
    ]);
    await console_.screenshot('dispositions-busy-3-after-retry');
    // The tenant's final state: every contact has the outcome, each changed exactly once.
    for (const contact of contacts) {
      expect(contact.outcomeCode, contact.id).toBe('INTERESTED');
      expect(contact.version, contact.id).toBe((versions.get(contact.id) ?? 0) + 1);
    }
  });
});
