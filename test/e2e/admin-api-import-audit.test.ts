import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminApiDemoTenantHandle } from '../../electron/demo-tenant-admin/public-types';
import { openConsole, openTypedPath, type ConsoleInBrowser } from './support/console-browser';

/**
 * A disposition import and the audit log on a CXone Admin API tenant (the campaign list, row pause
 * and the emergency pause run over both tenant kinds in campaigns.test.ts): every assertion of a
 * change reads the simulated tenant's own state.
 */
describe('disposition import and the audit log on a CXone (Admin API) tenant, in Chromium', () => {
  let console_: ConsoleInBrowser;
  let demo: AdminApiDemoTenantHandle;
  let dir: string;
  const screen = async (name: RegExp, heading: string) => {
    await console_.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name }).click();
    await console_.page.getByRole('heading', { level: 1, name: heading }).waitFor();
  };
  const dialingSkills = () => [...demo.state.skills.values()].filter((s) => s.isOutbound && s.outboundStrategy === 'Personal Connection' && s.isRunning);

  beforeAll(async () => {
    console_ = await openConsole();
    dir = mkdtempSync(join(tmpdir(), 'admin-api-e2e-'));
    await screen(/^Settings/, 'Settings');
    await console_.page.getByLabel('Tenant kind').selectOption('cxone-admin');
    await console_.page.getByRole('button', { name: 'Use demo tenant (Admin API)' }).click();
    await console_.page.getByLabel('Connected tenant').getByText('Demo tenant (Admin API)', { exact: true }).waitFor();
    const handle = console_.host.services.tenant.adminApiDemoTenant();
    if (!handle) throw new Error('the Admin API demo tenant did not start');
    demo = handle;
  });
  afterAll(async () => {
    await console_?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a disposition file: an outcome mapped in Settings and those matching a disposition by name land with their notes, and one with neither is refused by row', async () => {
    const { page } = console_;
    const skills = new Map([...demo.state.skills.values()].map((s) => [s.skillId, s]));
    const contacts = [...demo.state.contacts.values()].filter((c) => !c.active && c.disposition === null && skills.get(c.skillId)?.isOutbound).slice(0, 41);
    expect(contacts).toHaveLength(41);
    // CALLBACK_LATER spells no disposition's name ("Call back later" reads CALL_BACK_LATER): mapped in Settings first.
    const callBack = demo.state.dispositions.find((d) => d.dispositionName === 'Call back later');
    if (!callBack) throw new Error('no Call back later disposition');
    await screen(/^Settings/, 'Settings');
    const panel = page.getByRole('region', { name: /Admin API settings/ });
    const mapping = panel.getByRole('table', { name: 'Outcome code to disposition' });
    await mapping.getByLabel('Outcome code of INTERESTED').waitFor();
    await panel.getByRole('button', { name: 'Add outcome code' }).click();
    await mapping.getByLabel('Outcome code of new row').fill('CALLBACK_LATER');
    await mapping.getByLabel('Disposition for CALLBACK_LATER').selectOption(String(callBack.dispositionId));
    await panel.getByRole('button', { name: 'Save mapping' }).click();
    await panel.getByText('Mapping saved').waitFor();

    const outcomes = ['INTERESTED', 'NOT_INTERESTED', 'NO_ANSWER', 'CALLBACK_LATER'];
    const rows = contacts.slice(0, 40).map((c, i) => `${c.skillId},${c.contactId},${outcomes[i % 4]},agent-7,2026-11-20T15:00:00Z,note ${i}`);
    // BUSY spells no disposition and nothing maps it: that row is refused, naming it.
    rows.push(`${contacts[40]!.skillId},${contacts[40]!.contactId},BUSY,agent-7,2026-11-20T15:00:00Z,busy`);
    const file = join(dir, 'admin-floor-calls.csv');
    writeFileSync(file, `campaign_id,contact_id,outcome_code,agent_id,disposition_timestamp,notes\n${rows.join('\n')}\n`);

    await screen(/^Dispositions/, 'Dispositions');
    await openTypedPath(page, file);
    await page.getByRole('heading', { level: 2, name: 'admin-floor-calls.csv' }).waitFor();
    await page.getByRole('button', { name: /^Apply \d+ rows?/ }).click();
    const report = page.getByRole('region', { name: /^Import report/ });
    await report.waitFor({ timeout: 60_000 });
    await console_.screenshot('admin-api-flows-2-import-report');

    const expectedName: Record<string, string> = {
      INTERESTED: 'Interested',
      NOT_INTERESTED: 'Not interested',
      NO_ANSWER: 'No answer',
      CALLBACK_LATER: 'Call back later',
    };
    contacts.slice(0, 40).forEach((contact, i) => {
      const held = demo.state.contacts.get(contact.contactId)?.disposition;
      expect(held, `contact ${contact.contactId}`).toMatchObject({
        skill: contact.skillId,
        dispositionName: expectedName[outcomes[i % 4]!],
        notes: `note ${i}`,
      });
    });
    expect(demo.state.contacts.get(contacts[40]!.contactId)?.disposition).toBeNull();
    expect(await report.textContent()).toMatch(/BUSY/);
  });

  it('shows a pause from the row and the import in the Audit log, the pause filtered by its skill and named', async () => {
    const { page } = console_;
    const skill = dialingSkills()[0]!;
    await screen(/^Campaigns/, 'Campaigns');
    await page.getByRole('searchbox', { name: 'Search campaigns' }).fill(skill.skillName);
    const row = page.locator(`tr[data-campaign-id="${skill.skillId}"]`);
    await row.getByRole('button', { name: `Pause ${skill.skillName}` }).click();
    await row.getByText('Paused', { exact: true }).waitFor();
    expect(demo.state.skills.get(skill.skillId)?.isRunning).toBe(false);

    await screen(/^Audit log/, 'Audit log');
    const table = page.getByRole('table', { name: 'Audit entries' });
    await table.locator('tbody tr[data-seq]').first().waitFor();
    const actionsOf = () => table.locator('tbody tr[data-seq] td:nth-child(3)').allTextContents();
    expect(await actionsOf()).toEqual(expect.arrayContaining(['campaign.pause', 'dispositions.import']));
    await page.getByLabel('Campaign', { exact: true }).fill(String(skill.skillId));
    await expect.poll(actionsOf).toEqual(['campaign.pause']);
    expect(await table.textContent()).toContain(skill.skillName);
    await console_.screenshot('admin-api-flows-3-audit');
    expect(await console_.axeViolations()).toEqual([]);
  });
});
