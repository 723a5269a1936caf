import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleInBrowser } from './support/console-browser';

describe('Automation: capacity-based pacing in Chromium', () => {
  let console_: ConsoleInBrowser;
  beforeAll(async () => {
    console_ = await openConsole();
  });
  afterAll(async () => {
    await console_?.close();
  });

  it('dry-runs the capacity rule without writing, runs it once, and shows the limits it set in the decisions and the pacing chart, as the tenant holds them', async () => {
    const { page } = console_;
    const state = console_.host.services.tenant.demoTenant()!.state;
    const limits = () => new Map([...state.campaigns.values()].map((c) => [c.id, c.rules?.maxConcurrentCalls ?? null]));

    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: /^Automation/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Automation' }).waitFor();
    const row = page.locator('[data-rule-id="capacity"]');
    await row.waitFor();

    // A dry run: one decision per running campaign, the limits it would set, nothing written.
    const before = limits();
    await row.getByRole('button', { name: /^Dry run/ }).click();
    const dryRun = page.locator('.auto-run', { hasText: 'nothing was written' });
    await dryRun.waitFor();
    expect(await dryRun.locator('tbody tr[data-campaign-id]').count()).toBeGreaterThan(0);
    expect(limits()).toEqual(before);
    await console_.screenshot('automation-capacity-1-dry-run');

    // Enabled and run once: every running campaign's limit in the tenant is the one its applied decision names.
    await row.getByRole('button', { name: /^Enable/ }).click();
    await row.locator('.badge', { hasText: 'Enabled' }).waitFor();
    await row.getByRole('button', { name: /^Run .* once now$/ }).click();
    const history = page.locator('.auto-history');
    const applied = history.locator('tbody tr[data-outcome="applied"]');
    await applied.first().waitFor();
    const decisions = await applied.evaluateAll((rows) =>
      rows.map((r) => ({ id: r.getAttribute('data-campaign-id')!, evidence: r.querySelector('.auto-evidence')?.textContent ?? '' })),
    );
    expect(decisions.length).toBeGreaterThan(0);
    for (const decision of decisions) {
      const written = /limit \S+ → (\d+)/.exec(decision.evidence);
      expect(written, `evidence of ${decision.id}: ${decision.evidence}`).not.toBeNull();
      expect(state.campaigns.get(decision.id)?.status).toBe('running');
      expect(state.campaigns.get(decision.id)?.rules?.maxConcurrentCalls).toBe(Number(written![1]));
    }

    // The pacing chart lists the campaigns it paced with the limit now set, and charts the one chosen.
    const paced = page.getByRole('region', { name: 'Campaigns paced' });
    const first = decisions[0]!;
    const name = state.campaigns.get(first.id)!.name;
    const pacedRow = paced.locator('tbody tr', { hasText: name });
    await pacedRow.waitFor();
    await pacedRow.getByRole('button', { name }).click();
    expect(await pacedRow.getAttribute('aria-selected')).toBe('true');
    expect(Number(await pacedRow.locator('td.num').nth(1).textContent())).toBe(state.campaigns.get(first.id)?.rules?.maxConcurrentCalls);
    await page.locator('#auto-pacing-caption', { hasText: name }).waitFor();
    await page.locator('.auto-chart svg .recharts-line-dot').first().waitFor();
    await page.locator('.auto-pacing').scrollIntoViewIfNeeded();
    await console_.screenshot('automation-capacity-2-pacing');
    expect(await console_.axeViolations(), 'axe with the pacing chart').toEqual([]);
  });
});
