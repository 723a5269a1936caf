import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/cxone/schemas';
import { openConsole, type ConsoleInBrowser } from './support/console-browser';

const header = 'campaign_id,contact_id,outcome_code,agent_id,disposition_timestamp,notes';
const outcomes = ['INTERESTED', 'NOT_INTERESTED', 'CALLBACK_LATER', 'NO_ANSWER'];
const line = (c: Pick<Contact, 'campaignId' | 'id'>, outcome: string, at = '2026-11-20T15:00:00Z', notes = '') =>
  `${c.campaignId},${c.id},${outcome},agent-007,${at},${notes}`;

describe('dispositions import in Chromium', () => {
  let console_: ConsoleInBrowser;
  let dir: string;
  let pending: Contact[];
  let file: string;
  beforeAll(async () => {
    console_ = await openConsole({ demoTenant: { dialerTickMs: 0, latencyMs: 30 } });
    dir = mkdtempSync(join(tmpdir(), 'dispo-e2e-'));
    const connection = console_.host.services.tenant.connection();
    pending = [];
    for await (const campaign of connection.campaigns.list({ pageSize: 500 })) {
      for await (const contact of connection.contacts.list(campaign.id, { state: 'PENDING', pageSize: 500 })) pending.push(contact);
      if (pending.length >= 400) break;
    }
    const rows = pending.slice(0, 300).map((contact, i) => line(contact, outcomes[i % outcomes.length]!, '2026-11-20T15:00:00Z', `note ${i}`));
    rows.push(line(pending[300]!, 'interested')); // line 302: fixable in place
    rows.push(line(pending[301]!, 'NO_ANSWER', '2026-11-20T09:00:00Z')); // line 303: superseded by 304
    rows.push(line(pending[301]!, 'CALLBACK_LATER', '2026-11-20T10:00:00Z'));
    rows.push(line(pending[302]!, 'DO_NOT_CALL'));
    rows.push(line(pending[303]!, 'MAYBE')); // line 306: left invalid, reported as rejected
    file = join(dir, 'floor-calls.csv');
    writeFileSync(file, `${[header, ...rows].join('\n')}\n`);
  });
  afterAll(async () => {
    await console_?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens a file by path, shows the mapping and a virtualized grid with invalid cells marked', async () => {
    const { page } = console_;
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: /^Dispositions/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Dispositions' }).waitFor();
    expect(await console_.axeViolations(), 'axe on the file chooser').toEqual([]);
    await console_.screenshot('dispositions-1-choose-file');

    await page.getByLabel('File path on this computer').fill(file);
    await page.getByLabel('File path on this computer').press('Enter');
    // A typed path is read only once the lead confirms it.
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText(file).waitFor();
    expect(await console_.axeViolations(), 'axe on the path confirmation').toEqual([]);
    await console_.screenshot('dispositions-1b-confirm-path');
    await confirm.getByRole('button', { name: 'Open this file' }).click();
    await page.getByRole('heading', { level: 2, name: 'floor-calls.csv' }).waitFor();
    expect(await page.getByLabel('Contact ID (required)').inputValue()).toBe('contact_id');
    expect(await page.getByLabel('Outcome code (required)').inputValue()).toBe('outcome_code');
    const grid = page.getByRole('table', { name: 'Rows of the file' });
    await grid.getByRole('row').nth(3).waitFor();
    const renderedRows = await grid.getByRole('row').count();
    expect(renderedRows).toBeGreaterThan(5);
    expect(renderedRows).toBeLessThan(100);
    expect(await page.getByRole('radio', { name: /^Invalid/ }).evaluate((el) => el.parentElement?.textContent)).toContain('(2)');
    expect(await console_.axeViolations(), 'axe on the batch editor').toEqual([]);
    await console_.screenshot('dispositions-2-batch-editor');

    await page.getByRole('radio', { name: /^Invalid/ }).check();
    const fixable = grid.getByRole('button', { name: /^Outcome code, line 302: interested/ });
    await fixable.waitFor();
    expect(await fixable.getAttribute('aria-label')).toContain('did you mean "INTERESTED"');
    await console_.screenshot('dispositions-3-invalid-rows');
  });

  it('fixes an invalid cell in place from the keyboard', async () => {
    const { page } = console_;
    const grid = page.getByRole('table', { name: 'Rows of the file' });
    await grid.getByRole('button', { name: /^Outcome code, line 302/ }).focus();
    await page.keyboard.press('Enter');
    const input = grid.getByRole('textbox', { name: 'Outcome code, line 302' });
    await input.fill('INTERESTED');
    await input.press('Enter');
    // The fixed row stays in view (rows do not jump away while being edited) and turns applicable.
    const fixedRow = grid.getByRole('row').filter({ has: page.getByRole('cell', { name: '302', exact: true }) });
    await fixedRow.getByText('Will apply', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Outcome code, line 302: INTERESTED/);
    expect(await page.getByRole('radio', { name: /^Invalid/ }).evaluate((el) => el.parentElement?.textContent)).toContain('(1)');
    await page.getByRole('radio', { name: /^Will skip/ }).check();
    await grid
      .getByText(/superseded by line 304/)
      .first()
      .waitFor();
  });

  it('dry-runs against the tenant without changing anything', async () => {
    const { page } = console_;
    const connection = console_.host.services.tenant.connection();
    const versionBefore = (await connection.contacts.get(pending[0]!.campaignId, pending[0]!.id)).version;
    await page.getByRole('radio', { name: /^All/ }).check();
    await page.getByRole('button', { name: 'Dry run against the tenant' }).click();
    const summary = page.getByRole('status').filter({ hasText: /^Dry run/ });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('303 would change');
    expect((await connection.contacts.get(pending[0]!.campaignId, pending[0]!.id)).version).toBe(versionBefore);
    expect(await console_.axeViolations(), 'axe after the dry run').toEqual([]);
    await console_.screenshot('dispositions-4-dry-run');
  });

  it('applies with progress, pauses and resumes, and ends with a report and an export of rows not applied', async () => {
    const { page } = console_;
    await page.getByRole('button', { name: /^Apply 303 rows/ }).click();
    const progress = page.getByRole('region', { name: 'Applying dispositions' });
    await progress.waitFor();
    await progress.getByRole('button', { name: 'Pause' }).click();
    await progress.getByText('Paused', { exact: true }).waitFor();
    await console_.screenshot('dispositions-5-paused');
    expect(await console_.axeViolations(), 'axe on the progress panel').toEqual([]);
    await progress.getByRole('button', { name: 'Resume' }).click();

    const report = page.getByRole('region', { name: /^Import report/ });
    await report.waitFor({ timeout: 60_000 });
    const counts = report.getByRole('table', { name: 'Rows by result' });
    expect((await counts.getByRole('cell').allTextContents()).slice(0, 6)).toEqual(['303', '0', '1', '1', '0', '0']);
    expect(await report.textContent()).toMatch(/1 DO_NOT_CALL number added to the local suppression list: \+1\d{10}/);
    await console_.screenshot('dispositions-6-report');
    expect(await console_.axeViolations(), 'axe on the report').toEqual([]);

    const downloading = page.waitForEvent('download');
    await report.getByRole('button', { name: 'Export rows not applied (CSV)' }).click();
    const download = await downloading;
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toBe('line,campaign_id,contact_id,outcome_code,result,reason');
    expect(csv).toMatch(/^303,.*,superseded,/m);
    expect(csv).toMatch(/^306,.*,rejected,.*MAYBE/m);

    const connection = console_.host.services.tenant.connection();
    expect((await connection.contacts.get(pending[300]!.campaignId, pending[300]!.id)).outcomeCode).toBe('INTERESTED');
    expect((await connection.contacts.get(pending[301]!.campaignId, pending[301]!.id)).outcomeCode).toBe('CALLBACK_LATER');
  });

  it('notices the same file picked again and asks before importing it twice', async () => {
    const { page } = console_;
    await page.getByRole('button', { name: 'Choose another file' }).click();
    await page.getByLabel('Or pick a file').setInputFiles(file);
    await page.getByRole('heading', { level: 2, name: 'floor-calls.csv' }).waitFor();
    await page.getByText(/was imported before/).waitFor();
    await page.getByRole('button', { name: /^Apply/ }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Import the same file again?' });
    await confirm.waitFor();
    await console_.screenshot('dispositions-7-reimport-confirmation');
    expect(await console_.axeViolations(), 'axe on the re-import question').toEqual([]);
    await confirm.getByRole('button', { name: 'No' }).click();
    await confirm.waitFor({ state: 'detached' });
  });
});
