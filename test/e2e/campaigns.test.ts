import { mkdirSync, rmSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../shared/cxone/schemas';
import { emergencyRecordPath } from '../../electron/campaigns/emergency-record';
import { openConsole, type ConsoleInBrowser } from './support/console-browser';

describe('campaign console in Chromium', () => {
  let console_: ConsoleInBrowser;
  const tenant = () => {
    const handle = console_.host.services.tenant.demoTenant();
    if (!handle) throw new Error('The demo tenant did not start.');
    return handle;
  };
  const statusOf = (id: string) => tenant().state.campaigns.get(id)?.status;
  const withStatus = (status: Campaign['status']) => [...tenant().state.campaigns.values()].filter((c) => c.status === status);
  const rowOf = (id: string): Locator => console_.page.locator(`tr[data-campaign-id="${id}"]`);
  const search = async (text: string) => {
    await console_.page.getByRole('searchbox', { name: 'Search campaigns' }).fill(text);
  };
  /** Picks a status filter and waits until the table shows only that status (React renders after the change event). */
  const filterStatus = async (status: Campaign['status']) => {
    await console_.page.getByLabel('Status').selectOption(status);
    await console_.page.locator(`tr[data-campaign-id]:not([data-status="${status}"])`).first().waitFor({ state: 'detached' });
    await console_.page.locator('tr[data-campaign-id]').first().waitFor();
  };

  beforeAll(async () => {
    console_ = await openConsole({ demoTenant: { activationMs: 200 } });
    await console_.page.getByRole('table', { name: 'Campaigns' }).waitFor();
    await console_.page.locator('tr[data-campaign-id]').first().waitFor();
  });
  afterAll(async () => {
    await console_?.close();
  });

  it('lists the tenant campaigns with a freshness label, and narrows them by search and status', async () => {
    const { page } = console_;
    await page
      .getByRole('status')
      .filter({ hasText: /^Updated/ })
      .waitFor();
    const running = withStatus('running')[0]!;
    await search(running.name);
    await rowOf(running.id).waitFor();
    await expect.poll(() => page.locator('tr[data-campaign-id]').count()).toBeLessThan(5);
    await search('');
    await filterStatus('paused');
    const shown = await page.locator('tr[data-campaign-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-campaign-id')));
    expect(shown.length).toBeGreaterThan(0);
    for (const id of shown) expect(statusOf(id!)).toBe('paused');
    await console_.screenshot('campaigns-1-filtered-paused');
    await page.getByLabel('Status').selectOption('');
    expect(await console_.axeViolations()).toEqual([]);
  });

  it('pauses one campaign from its row and shows Paused only once the tenant confirms', async () => {
    const { page } = console_;
    const campaign = withStatus('running')[0]!;
    await search(campaign.name);
    await rowOf(campaign.id)
      .getByRole('button', { name: `Pause ${campaign.name}` })
      .click();
    await rowOf(campaign.id).getByText('Paused', { exact: true }).waitFor();
    expect(statusOf(campaign.id)).toBe('paused');
    await page.getByRole('status').filter({ hasText: 'Pause 1 campaign:' }).filter({ hasText: '1 done' }).waitFor();
    await console_.screenshot('campaigns-2-paused-one');

    await rowOf(campaign.id)
      .getByRole('button', { name: `Resume ${campaign.name}` })
      .click();
    await rowOf(campaign.id).getByText('Running', { exact: true }).waitFor();
    expect(statusOf(campaign.id)).toBe('running');
    await search('');
  });

  it('pauses a multi-selection with the bulk action, and from the keyboard with P', async () => {
    const { page } = console_;
    await filterStatus('running');
    const ids = await page.locator('tr[data-campaign-id]').evaluateAll((rows) => rows.slice(0, 3).map((r) => r.getAttribute('data-campaign-id')!));
    const [first, second, third] = ids as [string, string, string];
    await rowOf(first).getByRole('checkbox').check();
    await rowOf(second).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Pause selected (2)' }).click();
    await expect.poll(() => [statusOf(first), statusOf(second)]).toEqual(['paused', 'paused']);

    await page.getByLabel('Status').selectOption('');
    await search(tenant().state.campaigns.get(third)!.name);
    await rowOf(third).focus();
    await page.keyboard.press('p');
    await expect.poll(() => statusOf(third)).toBe('paused');
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog');
    await drawer.getByText(third).waitFor();
    await drawer.getByRole('heading', { name: 'Schedule' }).waitFor();
    expect(await console_.axeViolations(), 'axe on the open drawer').toEqual([]);
    await console_.screenshot('campaigns-3-drawer');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await search('');
  });

  it('shows a long bulk pause as it goes and stops it on Cancel, leaving the rest running', async () => {
    const { page } = console_;
    tenant().setKnobs({ latencyMs: 1000 });
    let ids: string[] = [];
    try {
      await filterStatus('running');
      ids = await page.locator('tr[data-campaign-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-campaign-id')!));
      await page.getByRole('checkbox', { name: /^Select all/ }).check();
      await page.getByRole('button', { name: `Pause selected (${ids.length})` }).click();
      const progress = page.getByRole('status', { name: 'Action in progress' });
      await progress.getByText(`of ${ids.length} paused so far`).waitFor();
      await console_.screenshot('campaigns-4a-bulk-progress');
      await progress.getByRole('button', { name: 'Cancel' }).click();
      const outcome = page.getByRole('status').filter({ hasText: 'not attempted (cancelled)' });
      await outcome.waitFor();
      const stillRunning = ids.filter((id) => statusOf(id) === 'running');
      expect(stillRunning.length).toBeGreaterThan(0);
      expect(await outcome.textContent()).toContain(`${stillRunning.length} not attempted`);
      await console_.screenshot('campaigns-4b-bulk-cancelled');
    } finally {
      tenant().setKnobs({ latencyMs: 0 });
      // How many the bulk run paused before Cancel depends on the machine's load; resume them so the
      // emergency test below always starts from the same set of dialing campaigns.
      const pausedByBulk = ids.filter((id) => statusOf(id) === 'paused');
      await console_.host.services.campaignControl.setStatus(pausedByBulk, 'running', { type: 'user', name: 'e2e' });
      await page.getByLabel('Status').selectOption('');
    }
  });

  it('emergency pause stops every dialing campaign in one click, and its resume restarts only those', async () => {
    const { page } = console_;
    const pausedByPerson = withStatus('paused').map((c) => c.id);
    const dialing = [...withStatus('running'), ...withStatus('activating')].map((c) => c.id);
    expect(dialing.length).toBeGreaterThan(10);

    await page.getByRole('button', { name: 'Emergency pause' }).click();
    const report = page.getByRole('region').filter({ has: page.getByRole('heading', { name: /^Emergency pause:/ }) });
    await report.waitFor();
    expect(await report.getByRole('heading').first().textContent()).toContain(`${dialing.length} paused`);
    expect(withStatus('running')).toEqual([]);
    await console_.screenshot('campaigns-4-emergency-report');

    await report.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('button', { name: `Resume what the emergency pause stopped (${dialing.length})` }).click();
    const resumeReport = page.getByRole('region').filter({ has: page.getByRole('heading', { name: /^Emergency resume:/ }) });
    await resumeReport.waitFor();
    for (const id of dialing) expect(['running', 'activating']).toContain(statusOf(id));
    for (const id of pausedByPerson) expect(statusOf(id)).toBe('paused');
    await resumeReport.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('shows in red each campaign the emergency pause could not stop, and why', async () => {
    const { page } = console_;
    const stubborn = withStatus('running')[0]!;
    tenant().injectFaults({ match: { method: 'PATCH', pathPrefix: `/api/v2/outbound/campaigns/${stubborn.id}` }, kind: 'status', status: 403 });
    await page.keyboard.press('Control+Shift+E');
    const heading = page.getByRole('heading', { name: /^Emergency pause:.*NOT paused/ });
    await heading.waitFor();
    const problems = page.getByRole('table', { name: 'Campaigns not paused' });
    await problems.getByText(stubborn.name).waitFor();
    expect(statusOf(stubborn.id)).toBe('running');
    await console_.screenshot('campaigns-5-emergency-failure');
    expect(await console_.axeViolations()).toEqual([]);
  });

  it('says in red that the emergency record could not be written, and still pauses and resumes everything', async () => {
    const { page } = console_;
    const emergencyReport = page.getByRole('region').filter({ has: page.getByRole('heading', { name: /^Emergency pause:/ }) });
    await emergencyReport.getByRole('button', { name: 'Dismiss' }).click();
    const stubborn = withStatus('running');
    const path = emergencyRecordPath(console_.dataDir, { apiBaseUrl: tenant().url, clientId: tenant().clientId });
    rmSync(path, { force: true });
    // A folder where the record file should be: every write of the record fails.
    mkdirSync(path, { recursive: true });
    try {
      await page.getByRole('button', { name: 'Emergency pause', exact: true }).click();
      const alert = page.getByRole('alert', { name: 'Emergency record problems' });
      await alert.getByText(/The emergency record could not be written/).waitFor();
      expect(withStatus('running')).toEqual([]);
      await console_.screenshot('campaigns-6-emergency-record-not-written');
      expect(await console_.axeViolations()).toEqual([]);
      await emergencyReport.getByRole('button', { name: 'Dismiss' }).click();
      await page.getByRole('button', { name: /^Resume what the emergency pause stopped/ }).click();
      await page.getByRole('heading', { name: /^Emergency resume:/ }).waitFor();
      for (const campaign of stubborn) expect(['running', 'activating']).toContain(statusOf(campaign.id));
    } finally {
      rmSync(path, { recursive: true, force: true });
    }
  });
});
