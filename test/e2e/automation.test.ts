import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleInBrowser } from './support/console-browser';

/** Whether the page scrolls sideways anywhere a lead would notice: the window, the content pane or the rules table. */
const sidewaysScroll = (console_: ConsoleInBrowser) =>
  console_.page.evaluate(() => {
    const wider = (el: Element | null) => (el ? el.scrollWidth > el.clientWidth : false);
    return (
      document.documentElement.scrollWidth > window.innerWidth || wider(document.querySelector('.content')) || wider(document.querySelector('.auto-rules'))
    );
  });

describe('Automation in Chromium', () => {
  let console_: ConsoleInBrowser;
  beforeAll(async () => {
    console_ = await openConsole();
  });
  afterAll(async () => {
    await console_?.close();
  });

  it('lists the rules, dry-runs the weather rule on the demo alerts feed, refuses a bad setting by name, enables the rule, runs it and shows its decisions with evidence', async () => {
    const { page } = console_;
    const state = console_.host.services.tenant.demoTenant()!.state;
    const statuses = () => new Map([...state.campaigns.values()].map((c) => [c.id, c.status]));

    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: /^Automation/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Automation' }).waitFor();
    const weatherRow = page.locator('[data-rule-id="weather"]');
    await weatherRow.waitFor();
    // Every rule starts off; the runner line says who runs this tenant's automation.
    expect(await weatherRow.locator('.badge').first().textContent()).toBe('Off');
    expect(await page.locator('.auto-runner').textContent()).toMatch(/^Runner: /);
    await console_.screenshot('automation-1-rules');

    // A dry run on the demo's scripted feed (a Severe Winter Storm Warning over the busiest region): decisions, nothing written.
    const before = statuses();
    await weatherRow.getByRole('button', { name: /^Dry run/ }).click();
    const dryRun = page.locator('.auto-run', { hasText: 'nothing was written' });
    await dryRun.waitFor();
    const wouldPause = dryRun.locator('tbody tr[data-outcome="would-apply"]');
    expect(await wouldPause.count()).toBeGreaterThan(0);
    expect(await wouldPause.first().textContent()).toContain('Winter Storm Warning');
    const paused = await wouldPause.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-campaign-id')!));
    expect(statuses()).toEqual(before);
    await console_.screenshot('automation-2-dry-run');

    // A setting out of range: refused beside it, naming it; nothing saved.
    const form = page.locator('form.auto-settings');
    const holdDown = form.getByLabel('Hold-down (minutes)');
    await holdDown.fill('-5');
    await holdDown.press('Enter');
    await form.getByText('Hold-down (minutes) must be 0 or more.').waitFor();
    expect(await holdDown.getAttribute('aria-invalid')).toBe('true');
    await form.scrollIntoViewIfNeeded();
    await console_.screenshot('automation-3-settings-error');
    await holdDown.fill('20');
    await holdDown.press('Enter');
    await form.getByText(/^Saved at/).waitFor();
    expect(await holdDown.inputValue()).toBe('20');

    // Enabled, it is scheduled; a run now pauses what the dry run said it would.
    await weatherRow.getByRole('button', { name: /^Enable/ }).click();
    await weatherRow.locator('.badge', { hasText: 'Enabled' }).waitFor();
    await weatherRow.getByRole('button', { name: /^Run .* once now$/ }).click();
    await expect.poll(() => paused.every((id) => state.campaigns.get(id)?.status === 'paused')).toBe(true);
    const history = page.locator('.auto-history');
    await history.locator(`tbody tr[data-outcome="applied"][data-campaign-id="${paused[0]}"]`).waitFor();
    const applied = history.locator(`tbody tr[data-outcome="applied"][data-campaign-id="${paused[0]}"]`).first();
    expect(await applied.locator('.auto-evidence').textContent()).toMatch(/Severe Winter Storm Warning.*area /);
    // The campaigns it keeps paused are its holds.
    await page.locator('.auto-holds tbody tr').first().waitFor();
    expect(await page.locator('.auto-holds tbody tr').count()).toBe(paused.length);
    await history.scrollIntoViewIfNeeded();
    await console_.screenshot('automation-4-history');

    // The enabled state is the engine's, not the screen's: it survives leaving the screen.
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: /^Campaigns/ })
      .click();
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: /^Automation/ })
      .click();
    await weatherRow.locator('.badge', { hasText: 'Enabled' }).waitFor();
    expect(await weatherRow.locator('td').nth(1).textContent()).not.toBe('—');

    expect(await sidewaysScroll(console_), 'no sideways scrolling at 1440 px').toBe(false);
    expect(await console_.axeViolations(), 'axe on the Automation screen').toEqual([]);
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.evaluate(() => document.querySelector('.content')?.scrollTo(0, 0));
    expect(await sidewaysScroll(console_), 'no sideways scrolling at 1024 px').toBe(false);
    await console_.screenshot('automation-5-narrow');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('pauses on an alert from the demo feed, waits the hold-down with the time it resumes on the viewer’s clock, and resumes once it has passed', async () => {
    const { page } = console_;
    const demo = console_.host.services.tenant.demoTenant()!;
    const { state } = demo;
    const weatherRow = page.locator('[data-rule-id="weather"]');
    await weatherRow.click();
    const form = page.locator('form.auto-settings');
    const holdDown = form.getByLabel('Hold-down (minutes)');

    // The region with the most running campaigns gets a tornado warning of its own.
    const byRegion = new Map<string, string[]>();
    for (const c of state.campaigns.values()) {
      const region = c.customAttributes.region;
      if (c.status === 'running' && region) byRegion.set(region, [...(byRegion.get(region) ?? []), c.id]);
    }
    const [region, inRegion] = [...byRegion.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    const statusesIn = () => inRegion.map((id) => state.campaigns.get(id)!.status);
    const now = Date.now();
    demo.setWeatherAlerts([
      {
        id: 'e2e-tornado',
        event: 'Tornado Warning',
        severity: 'Extreme',
        regions: [region],
        effective: new Date(now - 60_000).toISOString(),
        expires: new Date(now + 3_600_000).toISOString(),
      },
    ]);

    // A hold-down of one minute, typed wrong first: refused, naming the setting.
    await holdDown.fill('soon');
    await holdDown.press('Enter');
    await form.getByText('Hold-down must be a number.').waitFor();
    await holdDown.fill('1');
    await holdDown.press('Enter');
    await form.getByText(/^Saved at/).waitFor();

    await weatherRow.getByRole('button', { name: /^Run .* once now$/ }).click();
    await expect.poll(statusesIn).toEqual(inRegion.map(() => 'paused'));
    const holds = page.locator('.auto-holds');
    const holdOf = (id: string) => holds.locator(`tbody tr[data-campaign-id="${id}"]`);
    await holdOf(inRegion[0]!).waitFor();
    await expect.poll(() => holdOf(inRegion[0]!).getAttribute('data-hold-state')).toBe('paused-by-rule');
    expect(await holdOf(inRegion[0]!).locator('.auto-hold-state').textContent()).toBe(`Paused by this rule severe weather in ${region}`);
    expect(await holdOf(inRegion[0]!).locator('.auto-hold-next').textContent()).toBe(`Resumes once the ${region} alerts end and 1 min pass`);

    // The alert ends: the campaigns stay paused through the hold-down, and the screen says until when, on the viewer's clock.
    demo.setWeatherAlerts([]);
    await weatherRow.getByRole('button', { name: /^Run .* once now$/ }).click();
    await expect.poll(() => holdOf(inRegion[0]!).getAttribute('data-hold-state')).toBe('waiting-hold-down');
    expect(statusesIn()).toEqual(inRegion.map(() => 'paused'));
    const state0 = (await holdOf(inRegion[0]!).locator('.auto-hold-state').textContent()) ?? '';
    const until = /waiting hold-down until (\d{2}:\d{2} \S+)$/.exec(state0);
    expect(until, state0).not.toBeNull();
    expect(await holdOf(inRegion[0]!).locator('.auto-hold-next').textContent()).toBe(`Resumes at ${until![1]} unless an alert returns`);
    const kept = page.locator(`.auto-run tbody tr[data-campaign-id="${inRegion[0]}"]`);
    const reason = (await kept.locator('.auto-reason').textContent()) ?? '';
    expect(reason).toBe(`Kept paused: the alerts for ${region} ended; resumes after the hold-down, at ${until![1]}.`);
    expect(reason).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    // The raw instant stays in the decision itself.
    expect(await kept.locator('.auto-reason span').first().getAttribute('title')).toMatch(/at \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\.$/);
    expect(await kept.locator('.auto-evidence').textContent()).toContain(`resumes ${until![1]} unless an alert returns`);
    await holds.scrollIntoViewIfNeeded();
    await console_.screenshot('automation-6-hold-down');

    // The hold-down passes (set to 0 here rather than waited out): the next run resumes them, and the holds list lets them go.
    await holdDown.fill('0');
    await holdDown.press('Enter');
    await form.getByText(/^Saved at/).waitFor();
    await weatherRow.getByRole('button', { name: /^Run .* once now$/ }).click();
    await expect.poll(statusesIn).toEqual(inRegion.map(() => 'running'));
    const resumed = page.locator(`.auto-run tbody tr[data-campaign-id="${inRegion[0]}"][data-outcome="applied"]`);
    await resumed.waitFor();
    expect(await resumed.locator('td').nth(2).textContent()).toBe('Resume');
    expect(await resumed.locator('.auto-reason').textContent()).toBe(`Every alert for ${region} has ended and the 0-minute hold-down has passed.`);
    await expect.poll(() => holdOf(inRegion[0]!).count()).toBe(0);
    await page.locator('.auto-run').scrollIntoViewIfNeeded();
    await console_.screenshot('automation-7-resumed');
    expect(await console_.axeViolations(), 'axe with the holds and the resume').toEqual([]);
  });
});
