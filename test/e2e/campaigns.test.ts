import { mkdirSync, rmSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignStatus } from '../../shared/cxone/schemas';
import { emergencyRecordPath } from '../../electron/campaigns/emergency-record';
import { openConsole, type ConsoleInBrowser } from './support/console-browser';
import { adminApiDemo, contractDemo, tenantKinds, type TenantKind } from './support/tenant-kinds';

/** What only one kind's demo tenant can be told: slow every answer, refuse one campaign's pause. */
const tenantKnobs: Record<
  TenantKind,
  { slow(console_: ConsoleInBrowser, latencyMs: number): void; refusePause(console_: ConsoleInBrowser, id: string): void }
> = {
  contract: {
    slow: (console_, latencyMs) => contractDemo(console_).setKnobs({ latencyMs }),
    refusePause: (console_, id) =>
      contractDemo(console_).injectFaults({ match: { method: 'PATCH', pathPrefix: `/api/v2/outbound/campaigns/${id}` }, kind: 'status', status: 403 }),
  },
  'admin-api': {
    slow: (console_, latencyMs) => adminApiDemo(console_).setKnobs({ latencyMs }),
    refusePause: (console_, id) => {
      const demo = adminApiDemo(console_);
      demo.injectFaults({ match: { method: 'POST', pathPrefix: `/inContactAPI/services/v${demo.apiVersion}/skills/${id}/stop` }, kind: 'status', status: 403 });
    },
  },
};

describe.each(tenantKinds)('campaign console in Chromium on the $label', (tenant) => {
  let console_: ConsoleInBrowser;
  const isAdminApi = tenant.kind === 'admin-api';
  const statusOf = (id: string) => tenant.statusOf(console_, id);
  const withStatus = (status: CampaignStatus) => tenant.campaigns(console_).filter((c) => c.status === status);
  const nameOf = (id: string) => tenant.campaigns(console_).find((c) => c.id === id)?.name ?? id;
  const rowOf = (id: string): Locator => console_.page.locator(`tr[data-campaign-id="${id}"]`);
  /** Screenshots of the Admin API kind get their own names; the contract kind keeps the names it always had. */
  const shot = (name: string) => console_.screenshot(isAdminApi ? `admin-api-${name}` : name);
  /** The skill's start/stop requests the Admin API demo tenant received, oldest first. */
  const startStopsOf = (id: string) => adminApiDemo(console_).state.startStopLog.filter((entry) => String(entry.skillId) === id);
  const search = async (text: string) => {
    await console_.page.getByRole('searchbox', { name: 'Search campaigns' }).fill(text);
  };
  /** Picks a status filter and waits until the table shows only that status (React renders after the change event). */
  const filterStatus = async (status: CampaignStatus) => {
    await console_.page.getByLabel('Status').selectOption(status);
    await console_.page.locator(`tr[data-campaign-id]:not([data-status="${status}"])`).first().waitFor({ state: 'detached' });
    await console_.page.locator('tr[data-campaign-id]').first().waitFor();
  };
  const showCampaigns = async () => {
    await console_.page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: /^Campaigns/ })
      .click();
    await console_.page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
  };

  beforeAll(async () => {
    console_ = await openConsole({ demoTenant: { activationMs: 200 } });
    await tenant.connect(console_);
    await showCampaigns();
    await console_.page.getByRole('table', { name: 'Campaigns' }).waitFor();
    // Rows of this tenant's own campaigns: after a switch, the list of the one before may still show for a moment.
    await console_.page.waitForFunction(
      (ids) => ids.includes(document.querySelector('tr[data-campaign-id]')?.getAttribute('data-campaign-id') ?? ''),
      tenant.campaigns(console_).map((c) => c.id),
    );
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
    // Every campaign of the tenant, and nothing else (on the Admin API: no inbound skills).
    await page.getByText(`${tenant.campaigns(console_).length} campaigns ·`).waitFor();
    // A skill has no region, zone, contact list, call cap or change time: those columns are left out rather than filled with placeholders.
    const headers = (await page.getByRole('table', { name: 'Campaigns' }).getByRole('columnheader').allTextContents()).map((h) =>
      h.replace(/[▲▼]/g, '').trim(),
    );
    const withoutSkillData = ['Region', 'Time zone', 'Contact list', 'Max calls', 'Last change'];
    if (isAdminApi) {
      expect(headers).toEqual(['', 'Name', 'Status', 'Dialer', 'Action']);
      await page.getByText('This tenant has no pause: Pause stops the skill and lets the calls in progress finish').waitFor();
    } else {
      expect(headers).toEqual(expect.arrayContaining(withoutSkillData));
      expect(await page.getByText('This tenant has no pause').count()).toBe(0);
    }
    const running = withStatus('running')[0]!;
    await search(running.name);
    await rowOf(running.id).waitFor();
    await expect.poll(() => page.locator('tr[data-campaign-id]').count()).toBeLessThan(5);
    await search('');
    await filterStatus('paused');
    const shown = await page.locator('tr[data-campaign-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-campaign-id')));
    expect(shown.length).toBeGreaterThan(0);
    for (const id of shown) expect(statusOf(id!)).toBe('paused');
    await shot('campaigns-1-filtered-paused');
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
    // The Admin API has no pause: the nearest is a stop that lets the calls in progress finish.
    if (isAdminApi) expect(startStopsOf(campaign.id)).toEqual([{ skillId: Number(campaign.id), action: 'stop', force: false }]);
    await page.getByRole('status').filter({ hasText: 'Pause 1 campaign:' }).filter({ hasText: '1 done' }).waitFor();
    await shot('campaigns-2-paused-one');

    await rowOf(campaign.id)
      .getByRole('button', { name: `Resume ${campaign.name}` })
      .click();
    await rowOf(campaign.id).getByText('Running', { exact: true }).waitFor();
    expect(statusOf(campaign.id)).toBe('running');
    if (isAdminApi) expect(startStopsOf(campaign.id).at(-1)).toEqual({ skillId: Number(campaign.id), action: 'start', force: false });
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
    await search(nameOf(third));
    await rowOf(third).focus();
    await page.keyboard.press('p');
    await expect.poll(() => statusOf(third)).toBe('paused');
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog');
    await drawer.getByText(third).waitFor();
    await drawer.getByRole('heading', { name: 'Schedule' }).waitFor();
    // A skill keeps no versions and no cron schedule: the drawer says so rather than show a 0.
    if (isAdminApi) {
      await drawer.getByText('none: the Admin API keeps no versions', { exact: false }).waitFor();
      await drawer.getByText('None on the Admin API: set the skill’s calling hours per weekday in CXone.').waitFor();
    }
    expect(await console_.axeViolations(), 'axe on the open drawer').toEqual([]);
    await shot('campaigns-3-drawer');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await search('');
  });

  it('shows a long bulk pause as it goes and stops it on Cancel, leaving the rest running', async () => {
    const { page } = console_;
    tenantKnobs[tenant.kind].slow(console_, 1000);
    let ids: string[] = [];
    try {
      await filterStatus('running');
      ids = await page.locator('tr[data-campaign-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-campaign-id')!));
      await page.getByRole('checkbox', { name: /^Select all/ }).check();
      await page.getByRole('button', { name: `Pause selected (${ids.length})` }).click();
      const progress = page.getByRole('status', { name: 'Action in progress' });
      await progress.getByText(`of ${ids.length} paused so far`).waitFor();
      await shot('campaigns-4a-bulk-progress');
      await progress.getByRole('button', { name: 'Cancel' }).click();
      const outcome = page.getByRole('status').filter({ hasText: 'not attempted (cancelled)' });
      await outcome.waitFor();
      const stillRunning = ids.filter((id) => statusOf(id) === 'running');
      expect(stillRunning.length).toBeGreaterThan(0);
      expect(await outcome.textContent()).toContain(`${stillRunning.length} not attempted`);
      // Not attempted means the tenant was never asked.
      if (isAdminApi) for (const id of stillRunning) expect(startStopsOf(id).filter((entry) => entry.action === 'stop')).toEqual([]);
      await shot('campaigns-4b-bulk-cancelled');
    } finally {
      tenantKnobs[tenant.kind].slow(console_, 0);
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
    const logged = isAdminApi ? adminApiDemo(console_).state.startStopLog.length : 0;

    await page.getByRole('button', { name: 'Emergency pause' }).click();
    const report = page.getByRole('region').filter({ has: page.getByRole('heading', { name: /^Emergency pause:/ }) });
    await report.waitFor();
    expect(await report.getByRole('heading').first().textContent()).toContain(`${dialing.length} paused`);
    expect(withStatus('running')).toEqual([]);
    if (isAdminApi) {
      // Each dialing skill was stopped once, without force (the Settings default), and no other skill was touched.
      const stops = adminApiDemo(console_).state.startStopLog.slice(logged);
      expect(stops.map((entry) => String(entry.skillId)).sort()).toEqual([...dialing].sort());
      expect(new Set(stops.map((entry) => `${entry.action} force=${entry.force}`))).toEqual(new Set(['stop force=false']));
      for (const id of dialing) expect(adminApiDemo(console_).state.skills.get(Number(id))?.isRunning).toBe(false);
    }
    await shot('campaigns-4-emergency-report');

    await report.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('button', { name: `Resume what the emergency pause stopped (${dialing.length})` }).click();
    const resumeReport = page.getByRole('region').filter({ has: page.getByRole('heading', { name: /^Emergency resume:/ }) });
    await resumeReport.waitFor();
    for (const id of dialing) expect(['running', 'activating']).toContain(statusOf(id));
    for (const id of pausedByPerson) expect(statusOf(id)).toBe('paused');
    if (isAdminApi) for (const id of dialing) expect(startStopsOf(id).at(-1)).toEqual({ skillId: Number(id), action: 'start', force: false });
    await resumeReport.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('shows in red each campaign the emergency pause could not stop, and why', async () => {
    const { page } = console_;
    const stubborn = withStatus('running')[0]!;
    tenantKnobs[tenant.kind].refusePause(console_, stubborn.id);
    await page.keyboard.press('Control+Shift+E');
    const heading = page.getByRole('heading', { name: /^Emergency pause:.*NOT paused/ });
    await heading.waitFor();
    const problems = page.getByRole('table', { name: 'Campaigns not paused' });
    await problems.getByText(stubborn.name).waitFor();
    expect(statusOf(stubborn.id)).toBe('running');
    await shot('campaigns-5-emergency-failure');
    expect(await console_.axeViolations()).toEqual([]);
  });

  it('says in red that the emergency record could not be written, and still pauses and resumes everything', async () => {
    const { page } = console_;
    const emergencyReport = page.getByRole('region').filter({ has: page.getByRole('heading', { name: /^Emergency pause:/ }) });
    await emergencyReport.getByRole('button', { name: 'Dismiss' }).click();
    if (isAdminApi) {
      // This time the lead chose the forced stop in Settings: the emergency brake.
      await page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: /^Settings/ })
        .click();
      const panel = page.getByRole('region', { name: /Admin API settings/ });
      await panel.getByLabel('Emergency pause stops skills with').selectOption('forced');
      await panel.getByRole('button', { name: 'Save emergency pause' }).click();
      await panel.getByText('Saved: the next emergency pause forces the stop').waitFor();
      await showCampaigns();
      await page.getByText('The emergency pause forces the stop, ending the calls in progress (Settings).', { exact: false }).waitFor();
    }
    const stubborn = withStatus('running');
    const logged = isAdminApi ? adminApiDemo(console_).state.startStopLog.length : 0;
    const profile = console_.host.services.tenant.profile();
    if (!profile?.apiBaseUrl || !profile.clientId) throw new Error('no tenant profile');
    const path = emergencyRecordPath(console_.dataDir, { apiBaseUrl: profile.apiBaseUrl, clientId: profile.clientId });
    rmSync(path, { force: true });
    // A folder where the record file should be: every write of the record fails.
    mkdirSync(path, { recursive: true });
    try {
      await page.getByRole('button', { name: 'Emergency pause', exact: true }).click();
      const alert = page.getByRole('alert', { name: 'Emergency record problems' });
      await alert.getByText(/The emergency record could not be written/).waitFor();
      expect(withStatus('running')).toEqual([]);
      if (isAdminApi) {
        const stops = adminApiDemo(console_).state.startStopLog.slice(logged);
        expect(stops.map((entry) => String(entry.skillId)).sort()).toEqual(stubborn.map((c) => c.id).sort());
        expect(new Set(stops.map((entry) => `${entry.action} force=${entry.force}`))).toEqual(new Set(['stop force=true']));
      }
      await shot('campaigns-6-emergency-record-not-written');
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
