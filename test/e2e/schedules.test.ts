import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../shared/cxone/schemas';
import { openConsole, type ConsoleInBrowser } from './support/console-browser';

describe('Schedules in Chromium', () => {
  let console_: ConsoleInBrowser;
  beforeAll(async () => {
    console_ = await openConsole({ demoTenant: { activationMs: 300 } });
  });
  afterAll(async () => {
    await console_?.close();
  });

  it('checks a schedule that starts before 08:00 for its contacts, shows the verdict, clips it, applies and activates it; a concurrent edit comes back side by side', async () => {
    const { page } = console_;
    const state = console_.host.services.tenant.demoTenant()!.state;
    const hasRules = (c: Campaign) => ['FCC_MIN_TIME', 'FCC_MAX_TIME', 'STATE_DNC'].every((type) => c.dncRules.some((rule) => rule.type === type));
    const activeList = (c: Campaign) => c.dncListId !== null && state.dncLists.get(c.dncListId)?.state === 'ACTIVE';
    const dialable = (c: Campaign) => (state.contactLists.get(c.contactListId)?.recordCount ?? 0) > 0 && !/fail/i.test(c.name);
    const target = [...state.campaigns.values()].find((c) => hasRules(c) && activeList(c) && dialable(c) && c.schedule !== null)!;
    expect(target).toBeDefined();
    state.campaigns.set(target.id, { ...target, status: 'draft' });

    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: /^Schedules/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Schedules' }).waitFor();
    const row = page.locator(`[data-campaign-id="${target.id}"]`);
    await row.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: new RegExp(target.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor();

    const editor = page.getByRole('form', { name: 'Schedule' });
    await editor.getByLabel('Time zone').fill('America/New_York');
    await editor.getByLabel('Cron (5 fields)').fill('0 7 * * 1-5');
    await editor.getByLabel('Window start').fill('07:00');
    await editor.getByLabel('Window end').fill('15:00');
    await editor.getByText(/Opens at 07:00, monday through friday/i).waitFor();
    await editor.getByRole('button', { name: 'Check compliance' }).click();

    const verdict = page.locator('.sch-verdict');
    await verdict.waitFor();
    expect(await verdict.locator('tbody tr', { hasText: 'Federal hours' }).count()).toBeGreaterThan(0);
    await page.getByText('Blocked: not applied').waitFor();
    expect(await page.getByRole('button', { name: 'Apply schedule', exact: true }).isDisabled()).toBe(true);
    await console_.screenshot('schedules-1');

    await page.getByRole('button', { name: 'Clip to the widest compliant window and apply' }).click();
    await page.getByText(/^Applied \(clipped\)/).waitFor();
    await page.locator('.notice .badge', { hasText: 'running' }).waitFor();
    await page.evaluate(() => document.querySelector('.sch-title')?.scrollIntoView({ block: 'start' }));
    await console_.screenshot('schedules-2');

    const stored = state.campaigns.get(target.id)!;
    expect(stored.status).toBe('running');
    expect(stored.schedule?.timezone).toBe('America/New_York');
    const [minute, hour, ...rest] = stored.schedule!.cronExpression.split(' ');
    expect(Number(hour) * 60 + Number(minute)).toBeGreaterThanOrEqual(8 * 60);
    expect(rest.join(' ')).toBe('* * 1-5');
    expect(stored.schedule!.windowMinutes).toBeLessThan(8 * 60);
    expect(stored.version).toBeGreaterThan(target.version);

    // A human edit lands elsewhere while the lead edits here: both versions, side by side.
    await editor.getByLabel('Window end').fill('14:00');
    await editor.getByRole('button', { name: 'Check compliance' }).click();
    await page.getByText('Passes').waitFor();
    const current = state.campaigns.get(target.id)!;
    const theirs = { ...current.schedule!, cronExpression: '0 12 * * 1-5', windowMinutes: 60 };
    state.campaigns.set(target.id, { ...current, schedule: theirs, version: current.version + 1 });
    await page.getByRole('button', { name: 'Apply schedule', exact: true }).click();
    const sides = page.locator('.sch-sides');
    await sides.waitFor();
    expect(await sides.textContent()).toContain('0 12 * * 1-5');
    expect(state.campaigns.get(target.id)!.schedule).toEqual(theirs);
    await page.evaluate(() => document.querySelector('.sch-sides')?.scrollIntoView({ block: 'center' }));
    await console_.screenshot('schedules-side-by-side');
    await page.getByRole('button', { name: 'Apply mine over theirs' }).click();
    await page.getByText(/^Applied/).waitFor();
    const final = state.campaigns.get(target.id)!.schedule!;
    expect(final.timezone).toBe('America/New_York');
    expect(final.cronExpression).toBe(stored.schedule!.cronExpression);
    expect(final.windowMinutes).toBe(14 * 60 - (Number(hour) * 60 + Number(minute)));

    await page.locator('.sch-figure').scrollIntoViewIfNeeded();
    await page.locator('.sch-figure .recharts-surface').first().waitFor();
    await console_.screenshot('schedules-3');
    await page.locator('#sch-conflicts').scrollIntoViewIfNeeded();
    await console_.screenshot('schedules-4');
    // At 1440 px nothing on the screen scrolls sideways: every table fits its panel.
    const sideways = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.schedules-screen, .schedules-screen .panel, .schedules-screen .table-scroll')]
        .filter((element) => element.scrollWidth > element.clientWidth + 1)
        .map((element) => `${element.className} ${element.scrollWidth}>${element.clientWidth}`),
    );
    expect(sideways).toEqual([]);
    expect(await console_.axeViolations(), 'axe on the Schedules screen').toEqual([]);
  });
});
