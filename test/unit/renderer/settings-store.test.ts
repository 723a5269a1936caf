import { describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../../renderer/features/settings/settings-store';
import { consoleError } from '../../../shared/errors';
import { consoleSettingsSchema, type ConsoleSettings } from '../../../shared/settings/console-settings';
import type { OutboxStatus } from '../../../shared/outbox/outbox-status';
import { createFakeConsole, deferred, FakeRefusal, settle } from './fake-console';

const stored: ConsoleSettings = consoleSettingsSchema.parse({});
const outbox: OutboxStatus = {
  stats: { pending: 0, delivered: 0, dead: 0 },
  webhooks: [{ channel: 'crm', urlConfigured: false, secretConfigured: false }],
  undeliverable: [],
};

function settingsFake() {
  return createFakeConsole({
    'settings:get': () => stored,
    'settings:problems': () => [],
    'outbox:status': () => outbox,
    'tenant:requestLog': () => [],
  });
}

describe('settings store', () => {
  it('shows a refused save on the form that sent it, naming the setting, and keeps the stored settings', async () => {
    const fake = settingsFake();
    fake.handle('settings:update', (change) => ({ ...stored, ...change }));
    const store = createSettingsStore(fake.api);
    store.getState().start();
    await settle();
    expect(store.getState().settings).toEqual(stored);

    await store.getState().save('general', { refreshIntervalSeconds: 10, crmWebhookUrl: 'javascript:alert(1)' });
    const { saving, saved, error } = store.getState().forms.general;
    expect({ saving, saved }).toEqual({ saving: false, saved: false });
    expect(error?.kind).toBe('validation');
    expect(error?.details).toEqual([{ path: 'crmWebhookUrl', message: expect.stringContaining('CRM webhook URL') }]);
    expect(store.getState().forms.auditLog).toEqual({ saving: false, saved: false, error: null });
    expect(store.getState().settings).toEqual(stored);
  });

  it('marks a form saving while its save is in flight, and clears the mark when main refuses', async () => {
    const fake = settingsFake();
    const reply = deferred<ConsoleSettings>();
    fake.handle('settings:update', () => reply.promise);
    const store = createSettingsStore(fake.api);
    store.getState().start();
    await settle();

    const saving = store.getState().save('general', { refreshIntervalSeconds: 30 });
    await settle();
    expect(store.getState().forms.general).toEqual({ saving: true, saved: false, error: null });
    reply.reject(new FakeRefusal(consoleError('internal', 'The settings file could not be written.')));
    await saving;
    expect(store.getState().forms.general).toEqual({ saving: false, saved: false, error: consoleError('internal', 'The settings file could not be written.') });
  });

  it('keeps what main saved and says so', async () => {
    const fake = settingsFake();
    fake.handle('settings:update', (change) => ({ ...stored, ...change }));
    const store = createSettingsStore(fake.api);
    store.getState().start();
    await settle();

    await store.getState().save('auditLog', { auditMaxFileMegabytes: 50, auditRetentionDays: 2000 });
    expect(fake.requests('settings:update')).toEqual([{ auditMaxFileMegabytes: 50, auditRetentionDays: 2000 }]);
    expect(store.getState().settings?.auditRetentionDays).toBe(2000);
    expect(store.getState().forms.auditLog.saved).toBe(true);

    store.getState().start();
    expect(store.getState().forms.auditLog.saved).toBe(false);
  });

  it('names each invalid tenant field without sending anything, and sends a valid profile', async () => {
    const fake = settingsFake();
    fake.handle('tenant:connect', (profile) => ({
      profileId: 'profile-1',
      label: profile.label,
      isDemo: false,
      apiBaseUrl: profile.apiBaseUrl,
      clientId: profile.clientId,
      credentialsConfigured: true,
      connection: 'connecting',
      lastError: null,
      checkedAt: null,
    }));
    const store = createSettingsStore(fake.api);

    await store.getState().connectTenant({ label: '', apiBaseUrl: 'ftp://example.com', clientId: 'client-1', maxConcurrency: Number('x') });
    expect(Object.keys(store.getState().tenantForm.fieldErrors).sort()).toEqual(['apiBaseUrl', 'label', 'maxConcurrency']);
    expect(fake.requests('tenant:connect')).toEqual([]);

    await store.getState().connectTenant({ label: 'Production', apiBaseUrl: 'https://api.example.com', clientId: 'client-1', clientSecret: 'secret' });
    expect(store.getState().tenantForm).toEqual({ fieldErrors: {}, busy: false, error: null });
    expect(fake.requests('tenant:connect').map((profile) => profile.apiBaseUrl)).toEqual(['https://api.example.com']);
  });

  it('keeps an outbox failure next to the secret it was about', async () => {
    const fake = settingsFake();
    fake.handle('outbox:setSecret', () => {
      throw new FakeRefusal(consoleError('configuration', 'The vault is locked.'));
    });
    const store = createSettingsStore(fake.api);
    store.getState().start();
    await settle();

    expect(await store.getState().setSecret('crm', 'long-enough-secret')).toBe(false);
    expect(store.getState().secretErrors.crm?.message).toBe('The vault is locked.');
    expect(store.getState().secretErrors.wfm).toBeUndefined();
  });

  it('keeps the newest requests first while the screen is open', async () => {
    const fake = settingsFake();
    const store = createSettingsStore(fake.api);
    const stop = store.getState().start();
    await settle();
    const entry = (path: string) => ({ at: '2026-01-05T10:00:00.000Z', method: 'GET', path, status: 200, attempt: 1, latencyMs: 4 });
    fake.emit('tenant:requestLogged', entry('/campaigns'));
    fake.emit('tenant:requestLogged', entry('/contacts'));
    expect(store.getState().requestLog.map((logged) => logged.path)).toEqual(['/contacts', '/campaigns']);
    stop();
    expect(fake.listenerCount()).toBe(0);
  });
});
