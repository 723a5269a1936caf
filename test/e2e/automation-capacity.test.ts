import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleInBrowser } from './support/console-browser';

/** A decision row as the screen shows it: its campaign, outcome, reason and the limits its evidence names ("limit 8 → 4", or "limit 8"). */
async function decisionRows(rows: Locator) {
  return rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const evidence = tr.querySelector('.auto-evidence')?.textContent ?? '';
      const limits = /limit (\S+)(?: → (\d+))?/.exec(evidence);
      return {
        id: tr.getAttribute('data-campaign-id')!,
        outcome: tr.getAttribute('data-outcome')!,
        reason: tr.querySelector('.auto-reason')?.textContent ?? '',
        evidence,
        from: limits?.[1] === 'none' || !limits ? null : Number(limits[1]),
        to: limits?.[2] === undefined ? null : Number(limits[2]),
      };
    }),
  );
}

describe('Automation: capacity-based pacing in Chromium', () => {
  let console_: ConsoleInBrowser;
  beforeAll(async () => {
    console_ = await openConsole();
  });
  afterAll(async () => {
    await console_?.close();
  });

  const demo = () => console_.host.services.tenant.demoTenant()!;
  const limitOf = (id: string) => demo().state.campaigns.get(id)?.rules?.maxConcurrentCalls;
  const runningIds = () => [...demo().state.campaigns.values()].filter((c) => c.status === 'running').map((c) => c.id);
  const runOnceButton = () => console_.page.locator('[data-rule-id="capacity"]').getByRole('button', { name: /^Run .* once now$/ });

  /** Every running campaign has one decision in the run, and the tenant holds the limit that decision leaves in force. */
  async function expectTenantMatches(run: Locator) {
    const rows = await decisionRows(run.locator('tbody tr[data-campaign-id]'));
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(runningIds()));
    for (const row of rows) {
      const inForce = row.outcome === 'applied' || row.outcome === 'unchanged' ? row.to : row.from;
      expect(limitOf(row.id), `${row.id}: ${row.outcome} ${row.evidence}`).toBe(inForce);
    }
    return rows;
  }

  it('dry-runs the capacity rule without writing, runs it as the agents drift, and shows the limits it set in the decisions and the pacing chart, as the tenant holds them', async () => {
    const { page } = console_;
    const limits = () => new Map([...demo().state.campaigns.values()].map((c) => [c.id, c.rules?.maxConcurrentCalls ?? null]));

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
    const wouldSet = await decisionRows(dryRun.locator('tbody tr[data-campaign-id]'));
    expect(new Set(wouldSet.map((decision) => decision.id))).toEqual(new Set(runningIds()));
    expect(wouldSet.some((decision) => decision.outcome === 'would-apply')).toBe(true);
    expect(limits()).toEqual(before);
    await console_.screenshot('automation-capacity-1-dry-run');

    // Enabled and run once: every running campaign's limit in the tenant is the one its decision leaves in force.
    await row.getByRole('button', { name: /^Enable/ }).click();
    await row.locator('.badge', { hasText: 'Enabled' }).waitFor();
    await runOnceButton().click();
    const run = page.locator('.auto-run', { hasText: /^Run at/ });
    await run.waitFor();
    const first = await expectTenantMatches(run);
    expect(first.some((decision) => decision.outcome === 'applied')).toBe(true);

    // The demo's agents drift between states; the next run follows them.
    const firstTick = await run.getAttribute('data-tick-id');
    for (let i = 0; i < 12; i++) demo().tick();
    await runOnceButton().click();
    await expect.poll(() => run.getAttribute('data-tick-id')).not.toBe(firstTick);
    const second = await expectTenantMatches(run);
    const moved = second.filter((decision) => decision.outcome === 'applied');
    expect(moved.length, 'some limit moved with the agents').toBeGreaterThan(0);

    // The pacing chart lists every campaign paced with the limit now set, and charts the one whose limit moved: agents and limit, two decisions.
    const paced = page.getByRole('region', { name: 'Campaigns paced' });
    await expect.poll(() => paced.locator('tbody tr').count()).toBe(runningIds().length);
    const pacedRows = await paced
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => ({ name: tr.querySelector('button')?.textContent ?? '', limitNow: tr.querySelectorAll('td.num')[1]?.textContent ?? '' })),
      );
    const byName = new Map([...demo().state.campaigns.values()].map((c) => [c.name, c.id]));
    for (const pacedRow of pacedRows) expect(Number(pacedRow.limitNow), pacedRow.name).toBe(limitOf(byName.get(pacedRow.name)!));
    const charted = moved[0]!;
    const name = demo().state.campaigns.get(charted.id)!.name;
    const pacedRow = paced.locator('tbody tr', { hasText: name });
    await pacedRow.getByRole('button', { name }).click();
    expect(await pacedRow.getAttribute('aria-selected')).toBe('true');
    await page.locator('#auto-pacing-caption', { hasText: `${name} 2 decisions` }).waitFor();
    const lines = page.locator('.auto-chart svg .recharts-line');
    await expect.poll(() => lines.count()).toBe(2);
    // Each series draws a line through its points: a path that moves and draws on.
    for (const path of await page.locator('.auto-chart svg .recharts-line path.recharts-line-curve').all()) {
      expect(await path.getAttribute('d')).toMatch(/^M[\d.,-]+L/);
    }
    expect(await page.locator('.auto-chart .recharts-legend-wrapper').textContent()).toBe('agents availablelimit set');
    await page.locator('.auto-pacing').scrollIntoViewIfNeeded();
    await console_.screenshot('automation-capacity-2-pacing');
    expect(await console_.axeViolations(), 'axe with the pacing chart').toEqual([]);
  });

  it('shows a run’s progress and cancels it: the writes in flight land, no other is sent, and the tenant keeps the old limit of every campaign not sent', async () => {
    const { page } = console_;
    const { state } = demo();
    // Ten agents and more for every running campaign: each needs a new limit, so the run has writes to cancel.
    const running = runningIds();
    state.agents.splice(
      0,
      state.agents.length,
      ...running.flatMap((id, index) =>
        Array.from({ length: 10 + index }, (_, n) => ({
          userId: `e2e-${id}-${n}`,
          name: `Agent ${n} of ${id}`,
          state: 'available' as const,
          queueId: 'q-e2e',
          skills: [id],
          stateSince: new Date().toISOString(),
        })),
      ),
    );
    const before = new Map(running.map((id) => [id, limitOf(id)]));
    // Every answer takes 1.5 s: the run lasts long enough to be seen and cancelled.
    demo().setKnobs({ latencyMs: 1500 });
    try {
      await runOnceButton().click();
      const progress = page.locator('.auto-run[role="status"]');
      await progress.getByText(/\d+ of \d+ campaigns/).waitFor();
      expect(await progress.getByRole('progressbar', { name: 'Run progress' }).count()).toBe(1);
      await console_.screenshot('automation-capacity-3-running');
      await progress.getByRole('button', { name: 'Cancel run' }).click();

      const result = page.locator('.auto-run', { hasText: /^Run at/ });
      await result.locator('.badge', { hasText: 'Cancelled' }).waitFor();
      const problem = (await result.locator('p').first().textContent()) ?? '';
      const said = /^Cancelled by .+: (\d+) written before the cancel, (\d+) not sent\.$/.exec(problem);
      expect(said, problem).not.toBeNull();
      const rows = await decisionRows(result.locator('tbody tr[data-campaign-id]'));
      const notSent = rows.filter((decision) => decision.reason === 'Not sent: the run was cancelled.');
      const applied = rows.filter((decision) => decision.outcome === 'applied');
      expect(notSent.length, 'the cancel kept some writes from being sent').toBeGreaterThan(0);
      expect([applied.length, notSent.length]).toEqual([Number(said![1]), Number(said![2])]);
      expect(applied.length + notSent.length).toBe(running.length);
      for (const decision of applied) expect(limitOf(decision.id), decision.id).toBe(decision.to);
      for (const decision of notSent) {
        expect(decision.outcome).toBe('skipped');
        expect(limitOf(decision.id), decision.id).toBe(before.get(decision.id));
      }
      // Red only for what needs a person: a cancel is not a failure.
      expect(await result.locator('.text-danger').count()).toBe(0);
      await page.locator('[data-rule-id="capacity"] .badge', { hasText: 'Cancelled' }).waitFor();
      await result.scrollIntoViewIfNeeded();
      await console_.screenshot('automation-capacity-4-cancelled');
    } finally {
      demo().setKnobs({ latencyMs: 0 });
    }
  });
});
