import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../shared/cxone/schemas';
import { editLines } from '../unit/audit/audit-fixtures';
import { openConsole, type ConsoleInBrowser } from './support/console-browser';

const operator = { type: 'user' as const, name: 'e2e-operator' };

describe('audit log in Chromium', () => {
  let console_: ConsoleInBrowser;
  let running: Campaign;
  let completed: Campaign;

  beforeAll(async () => {
    console_ = await openConsole();
    const { campaigns } = console_.host.services;
    await campaigns.refresh();
    const list = campaigns.snapshot().campaigns;
    running = list.find((c) => c.status === 'running')!;
    completed = list.find((c) => c.status === 'completed')!;
    expect(running).toBeDefined();
    expect(completed).toBeDefined();
  });
  afterAll(async () => {
    await console_?.close();
  });

  const openScreen = async (name: string) => {
    const { page } = console_;
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: new RegExp(`^${name}`) })
      .click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  };
  const auditTable = () => console_.page.getByRole('table', { name: 'Audit entries' });
  const auditRow = (seq: number) => auditTable().locator(`tr[data-seq="${seq}"]`);

  it('records a pause made on the Campaigns screen and shows it in the campaign drawer', async () => {
    const { page } = console_;
    await openScreen('Campaigns');
    await page.getByLabel('Search campaigns').fill(running.id);
    await page.getByRole('button', { name: `Pause ${running.name}`, exact: true }).click();
    const row = page.locator(`tr[data-campaign-id="${running.id}"]`);
    await row.getByText('Paused', { exact: true }).waitFor();

    await row.getByRole('button', { name: running.name, exact: true }).click();
    const drawer = page.getByRole('dialog', { name: running.name });
    const trail = drawer.getByRole('list', { name: 'Recent audit entries' });
    await trail.getByText('campaign.pause').waitFor();
    expect(await trail.textContent()).toContain('running → paused');
    expect(await trail.textContent()).toContain('Success');

    // Live: an entry written while the drawer is open appears without reopening it.
    await console_.host.services.campaignControl.setStatus([running.id], 'running', operator);
    await trail.getByText('campaign.resume').waitFor();
    expect(await trail.getByRole('listitem').count()).toBe(2);
    expect(await console_.axeViolations(), 'axe on the drawer with its audit trail').toEqual([]);
    await console_.screenshot('audit-1-campaign-drawer-trail');
  });

  it('opens the Audit log filtered to that campaign from the drawer', async () => {
    const { page } = console_;
    await page.getByRole('button', { name: 'Open in Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    expect(await page.getByLabel('Campaign', { exact: true }).inputValue()).toBe(running.id);
    await auditRow(2).waitFor();
    const rows = auditTable().locator('tbody tr[data-seq]');
    expect(await rows.count()).toBe(2);
    const newest = await auditRow(2).getByRole('cell').allTextContents();
    expect(newest[1]).toContain('e2e-operator');
    expect(newest[2]).toBe('campaign.resume');
    expect(newest[3]).toContain(running.name);
    expect(newest[3]).toContain(running.id);
    expect(newest[4]).toBe('paused → running');
    expect(newest[5]).toBe('Success');
    expect(newest[6]).toMatch(/^\d+ ms$/);
    expect(await console_.axeViolations(), 'axe on the filtered audit log').toEqual([]);
    await console_.screenshot('audit-2-filtered-to-campaign');
  });

  it('prepends entries live and filters by outcome', async () => {
    const { page } = console_;
    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect(await page.getByLabel('Campaign', { exact: true }).inputValue()).toBe('');
    await auditRow(1).waitFor();

    // A completed campaign cannot be paused: the tenant refuses and the log says so.
    await console_.host.services.campaignControl.setStatus([completed.id], 'paused', operator);
    await auditRow(3).waitFor();
    expect(await auditTable().locator('tbody tr[data-seq]').first().getAttribute('data-seq')).toBe('3');
    const refused = await auditRow(3).getByRole('cell').allTextContents();
    expect(refused[5]).toBe('Not possible');
    expect(refused[7]).not.toBe('');

    await page.getByLabel('Outcome').selectOption({ label: 'Not possible' });
    await auditRow(1).waitFor({ state: 'detached' });
    expect(await auditTable().locator('tbody tr[data-seq]').count()).toBe(1);
    expect(await console_.axeViolations(), 'axe on the outcome filter').toEqual([]);
    await console_.screenshot('audit-3-filtered-by-outcome');
  });

  it('exports the filtered entries as a CSV download', async () => {
    const { page } = console_;
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^audit-\d{8}-\d{4}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const records = parse(csv, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ seq: '3', action: 'campaign.pause', outcome: 'impossible', targetId: completed.id, actorName: 'e2e-operator' });
    await page
      .getByRole('status')
      .filter({ hasText: `Exported 1 entry to ${download.suggestedFilename()}` })
      .waitFor();
    expect(readFileSync(join(console_.dataDir, 'exports', download.suggestedFilename()), 'utf8')).toBe(csv);
  });

  it('moves through rows with the arrow keys, opens one with Enter and focuses search with /', async () => {
    const { page } = console_;
    await page.getByLabel('Outcome').selectOption({ label: 'Any' });
    await auditRow(1).waitFor();
    await auditRow(3).focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-seq') === '2');
    await page.keyboard.press('Enter');
    const details = page.getByRole('dialog', { name: 'Audit entry 2' });
    await details.waitFor();
    expect(await details.textContent()).toContain('e2e-operator');
    expect(await console_.axeViolations(), 'axe on the entry details').toEqual([]);
    await console_.screenshot('audit-4-entry-details');
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-seq') === '2');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('audit-search');
    await page.keyboard.type('resume');
    await auditRow(1).waitFor({ state: 'detached' });
    expect(await auditTable().locator('tbody tr[data-seq]').count()).toBe(1);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await auditRow(1).waitFor();
  });

  it('pages back through a long log with Load older', async () => {
    const { page } = console_;
    const { audit } = console_.host.services;
    for (let i = 0; i < 250; i += 1) {
      await audit.append({
        actor: { type: 'rule', name: 'Weather auto-pause' },
        tenant: 'Demo tenant',
        action: 'campaign.emergency_pause',
        target: { type: 'campaign', id: `cmp-x${i}`, name: `Storm region ${i}` },
        before: { status: 'running' },
        after: { status: 'paused' },
        outcome: i % 10 === 0 ? 'failed' : 'success',
        reason: i % 10 === 0 ? 'The tenant answered 503 three times; the campaign may still be dialing.' : undefined,
        latencyMs: 40 + i,
      });
    }
    // Opened afresh, the screen reads one page and offers the rest.
    await openScreen('Campaigns');
    await openScreen('Audit log');
    const summary = page.getByText(/entries shown/);
    await summary.filter({ hasText: '200 entries shown (older ones not loaded)' }).waitFor();
    await auditRow(253).waitFor();
    expect(await console_.axeViolations(), 'axe on a full page').toEqual([]);
    await console_.screenshot('audit-5-long-log');
    await page.getByRole('button', { name: 'Load older entries' }).click();
    await summary.filter({ hasText: '253 entries shown · newest first' }).waitFor();
    await page.getByText('Start of the log: no older entries match.').waitFor();
  });

  it('verifies the chain, and names the first entry edited on disk', async () => {
    const { page } = console_;
    await page.getByRole('button', { name: 'Verify chain' }).click();
    const intact = page.getByText('Chain intact: 253 entries');
    await intact.waitFor();
    expect(await intact.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(29, 107, 54)');
    await console_.screenshot('audit-6-chain-intact');

    editLines(join(console_.dataDir, 'audit', 'audit.jsonl'), (lines) => lines.map((line, i) => (i === 0 ? line.replace('"paused"', '"running"') : line)));
    await page.getByRole('button', { name: 'Verify chain' }).click();
    const broken = page.getByText(/^Chain broken at entry 1 \(audit\.jsonl, line 1\)/);
    await broken.waitFor();
    expect(await broken.textContent()).toContain('was changed after it was written');
    expect(await broken.evaluate((el) => el.className)).toContain('text-danger');
    expect(await console_.axeViolations(), 'axe on the verification result').toEqual([]);
    await console_.screenshot('audit-7-chain-broken');
  });
});
