import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsoleServices, type ConsoleServices } from '../../../electron/app/console-services';
import { createJsonFileStore } from '../../../electron/settings/json-file-store';
import { createFileVault } from '../../../electron/vault/file-vault';

// The Automation screen's channels as the app serves them, on the embedded demo tenant.
describe('the automation channels of the app', () => {
  let dataDir: string;
  let services: ConsoleServices;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cxone-app-automation-'));
    services = await createConsoleServices({
      shell: 'web',
      version: 'test',
      dataDir,
      store: createJsonFileStore(join(dataDir, 'settings.json')),
      vault: createFileVault(join(dataDir, 'secrets.json')),
      demoTenant: { dialerTickMs: 0, activationMs: 200, contactsPerCampaign: 5, latencyMs: 0 },
    });
  });
  afterEach(async () => {
    await services.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists both rules disabled with the demo feed as the weather default, nobody running them, and dry-runs one without writing', async () => {
    const demo = services.tenant.demoTenant()!;
    const { rules, runner } = await services.handlers['automation:rules']({});
    expect(rules.map((rule) => [rule.id, rule.enabled])).toEqual([
      ['weather', false],
      ['capacity', false],
    ]);
    expect(rules[0]?.settings).toMatchObject({ alertsUrl: `${demo.url}/demo/alerts/nws` });
    expect(runner).toEqual({ mode: 'data-folder', holder: null });
    // Running campaigns only: the demo's own activations move the others along meanwhile.
    const running = [...demo.state.campaigns.values()].filter((c) => c.status === 'running').map((c) => c.id);
    const statuses = () => running.map((id) => `${id}:${demo.state.campaigns.get(id)!.status}:${demo.state.campaigns.get(id)!.version}`);
    const before = statuses();
    const { summary } = await services.handlers['automation:runOnce']({ ruleId: 'weather', dryRun: true });
    expect(summary.dryRun).toBe(true);
    expect(statuses()).toEqual(before);
    const refused = await services.handlers['automation:updateSettings']({ ruleId: 'weather', settings: { holdDownMinutes: -1 } }).catch(
      (error: Error) => error,
    );
    expect(String(refused)).toContain('Hold-down (minutes) must be 0 or more.');
    const enabled = await services.handlers['automation:setEnabled']({ ruleId: 'capacity', enabled: true });
    expect(enabled.enabled).toBe(true);
    expect((await services.handlers['automation:rules']({})).runner.holder).toMatchObject({ kind: 'this-app' });
  });
});
