import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJsonFileStore } from '../../../electron/settings/json-file-store';
import { createSettingsService } from '../../../electron/settings/settings-service';
import { dispatchRequest } from '../../../electron/ipc/dispatch';
import type { RequestHandlers } from '../../../electron/ipc/handlers';
import { ConsoleFailure } from '../../../shared/errors';

describe('settings with one bad value', () => {
  let dir: string;
  let path: string;
  const onDisk = () => (JSON.parse(readFileSync(path, 'utf8')) as { consoleSettings: Record<string, unknown> }).consoleSettings;
  const write = (consoleSettings: unknown) => writeFileSync(path, JSON.stringify({ consoleSettings }));
  const open = () => createSettingsService(createJsonFileStore(path));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cxone-settings-'));
    path = join(dir, 'settings.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the other values, reports the bad one by name, and never overwrites it with a default on save', () => {
    write({ refreshIntervalSeconds: 1, crmWebhookUrl: 'https://crm.example.com/hook', theme: 'dark', auditRetentionDays: 3650 });
    const settings = open();
    expect(settings.get()).toMatchObject({
      refreshIntervalSeconds: 10,
      crmWebhookUrl: 'https://crm.example.com/hook',
      theme: 'dark',
      auditRetentionDays: 3650,
    });
    const [problem, ...others] = settings.problems();
    expect(others).toEqual([]);
    expect(problem?.setting).toBe('refreshIntervalSeconds');
    expect(problem?.message).toMatch(/^refreshIntervalSeconds is 1, which is not valid .*the default 10 is used until it is fixed/);

    // Saving something else keeps the URL and leaves the bad value in the file, still reported.
    settings.update({ wfmWebhookUrl: 'https://wfm.example.com/hook' });
    expect(onDisk()).toEqual({
      refreshIntervalSeconds: 1,
      crmWebhookUrl: 'https://crm.example.com/hook',
      wfmWebhookUrl: 'https://wfm.example.com/hook',
      theme: 'dark',
      auditRetentionDays: 3650,
    });
    expect(
      open()
        .problems()
        .map((entry) => entry.setting),
    ).toEqual(['refreshIntervalSeconds']);

    settings.update({ refreshIntervalSeconds: 30 });
    expect(open().problems()).toEqual([]);
    expect(open().get()).toMatchObject({ refreshIntervalSeconds: 30, crmWebhookUrl: 'https://crm.example.com/hook', theme: 'dark' });
  });

  it('refuses an invalid change by name and saves nothing of it', () => {
    write({ crmWebhookUrl: 'https://crm.example.com/hook' });
    const settings = open();
    let thrown: unknown;
    try {
      settings.update({ theme: 'dark', auditMaxFileMegabytes: 0 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConsoleFailure);
    expect((thrown as ConsoleFailure).error).toMatchObject({ kind: 'validation', target: 'auditMaxFileMegabytes' });
    expect(onDisk()).toEqual({ crmWebhookUrl: 'https://crm.example.com/hook' });
  });

  it('says so when the stored settings are not an object at all', () => {
    write('garbage');
    const settings = open();
    expect(settings.get().refreshIntervalSeconds).toBe(10);
    expect(settings.problems()).toEqual([{ setting: 'consoleSettings', message: expect.stringMatching(/not an object \("garbage"\)/) }]);
  });

  it('keeps everything by default: no audit retention, 10 MB rotation', () => {
    expect(open().get()).toMatchObject({ auditRetentionDays: null, auditMaxFileMegabytes: 10 });
  });

  it('an update over IPC that names one setting leaves the others as stored (no defaults filled in on the way)', async () => {
    write({ crmWebhookUrl: 'https://crm.example.com/hook', refreshIntervalSeconds: 30 });
    const settings = open();
    const handlers = { 'settings:update': async (change: Parameters<typeof settings.update>[0]) => settings.update(change) } as unknown as RequestHandlers;
    const reply = await dispatchRequest(handlers, 'settings:update', { theme: 'dark' });
    expect(reply.ok).toBe(true);
    expect(onDisk()).toEqual({ crmWebhookUrl: 'https://crm.example.com/hook', refreshIntervalSeconds: 30, theme: 'dark' });
  });
});
