import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/cxone/schemas';
import { openConsole, openTypedPath, type ConsoleInBrowser } from './support/console-browser';

const header = 'campaign_id,contact_id,outcome_code,agent_id,disposition_timestamp,notes';
const line = (c: Pick<Contact, 'campaignId' | 'id'>, notes: string) => `${c.campaignId},${c.id},INTERESTED,agent-007,2026-11-20T15:00:00Z,${notes}`;

describe('a broken disposition file in the batch editor', () => {
  let console_: ConsoleInBrowser;
  let dir: string;
  let pending: Contact[];
  let file: string;
  beforeAll(async () => {
    console_ = await openConsole({ demoTenant: { dialerTickMs: 0 } });
    dir = mkdtempSync(join(tmpdir(), 'dispo-e2e-broken-'));
    const connection = console_.host.services.tenant.connection();
    pending = [];
    for await (const campaign of connection.campaigns.list({ pageSize: 500 })) {
      for await (const contact of connection.contacts.list(campaign.id, { state: 'PENDING', pageSize: 500 })) pending.push(contact);
      if (pending.length >= 8) break;
    }
    const rows = [
      line(pending[0]!, '"  spaced note, kept "'),
      line(pending[1]!, '"two\r\nlines"'),
      line(pending[2]!, '"never closed'),
      line(pending[3]!, 'not read'),
      line(pending[4]!, 'not read'),
    ];
    file = join(dir, 'broken-quote.csv');
    // Line 5 opens the quote that is never closed; lines 5–8 cannot be read.
    writeFileSync(file, `${[header, ...rows].join('\n')}\n`);
  });
  afterAll(async () => {
    await console_?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('highlights the line where the quote opened, says what was not read, and applies the rows before it as written', async () => {
    const { page } = console_;
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: /^Dispositions/ })
      .click();
    await openTypedPath(page, file);
    await page.getByRole('heading', { level: 2, name: 'broken-quote.csv' }).waitFor();

    const alert = page.getByRole('alert').filter({ hasText: 'never closed' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'broken-quote.csv line 5, column 6 ("notes"): a double quote opens a value that is never closed, so lines 5–7 were not read',
    );
    expect(await alert.textContent()).toContain('The 2 rows before line 5 can be checked and applied');

    const grid = page.getByRole('table', { name: 'Rows of the file' });
    const brokenRow = grid.getByRole('row').filter({ has: page.getByRole('cell', { name: '5', exact: true }) });
    await brokenRow.getByText('Not read', { exact: true }).waitFor();
    expect(await brokenRow.getAttribute('class')).toContain('dispo-row-unread');
    expect(await brokenRow.textContent()).toContain('lines 5–7 were not read');
    // The rows before the broken line are usable.
    const firstRow = grid.getByRole('row').filter({ has: page.getByRole('cell', { name: '2', exact: true }) });
    await firstRow.getByText('Will apply', { exact: true }).waitFor();
    expect(await console_.axeViolations(), 'axe on the broken file').toEqual([]);
    await console_.screenshot('dispositions-broken-1-unclosed-quote');

    // A note written with CRLF is edited in a textarea and keeps CRLF; spaces stay visible in the grid.
    expect(await firstRow.getByRole('button', { name: /^Notes, line 2/ }).textContent()).toBe('  spaced note, kept ');
    const multiline = grid.getByRole('button', { name: /^Notes, line 3/ });
    expect(await multiline.textContent()).toBe('two↵lines');
    await multiline.click();
    const editor = grid.getByRole('textbox', { name: 'Notes, line 3' });
    expect(await editor.evaluate((element) => element.tagName)).toBe('TEXTAREA');
    await editor.fill('Two\nlines, edited');
    await console_.screenshot('dispositions-broken-2-multiline-edit');
    await editor.press('Enter');
    await grid.getByRole('button', { name: /^Notes, line 3: Two/ }).waitFor();

    await alert.getByRole('button', { name: 'Show line 5' }).click();
    await grid.getByRole('row').filter({ hasText: 'Not read' }).waitFor();
    expect(await grid.getByRole('row').count()).toBe(2);
    await console_.screenshot('dispositions-broken-3-invalid-filter');

    await page.getByRole('button', { name: /^Apply 2 rows/ }).click();
    const report = page.getByRole('region', { name: /^Import report/ });
    await report.waitFor({ timeout: 60_000 });
    expect(await report.textContent()).toContain('lines 5–7 were not read');
    await console_.screenshot('dispositions-broken-4-report');

    const demo = console_.host.services.tenant.demoTenant()!;
    const stored = (contact: Contact) => demo.state.contacts.get(contact.campaignId)?.get(contact.id);
    expect(stored(pending[0]!)?.notes).toBe('  spaced note, kept ');
    expect(stored(pending[1]!)?.notes).toBe('Two\r\nlines, edited');
    expect(stored(pending[2]!)?.outcomeCode).toBeNull();
    expect(stored(pending[3]!)?.outcomeCode).toBeNull();
  });
});
