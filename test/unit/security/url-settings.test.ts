import { describe, expect, it } from 'vitest';
import { dispatchRequest } from '../../../electron/ipc/dispatch';
import type { RequestHandlers } from '../../../electron/ipc/handlers';
import { createSettingsService } from '../../../electron/settings/settings-service';
import { tenantProfileInputSchema } from '../../../shared/tenant/tenant-profile-input';
import { urlSettingProblem, urlSettingWarning } from '../../../shared/url-setting';
import { tenantProfileSchema } from '../../../shared/tenant-profile';

function memoryStore() {
  const values = new Map<string, unknown>();
  return {
    get: (key: string) => values.get(key),
    set: (key: string, value: unknown) => void values.set(key, value),
    delete: (key: string) => void values.delete(key),
  };
}

const refused = [
  'http://127.0.0.1.evil.example/',
  'http://localhost@evil.example/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'ftp://files.example/x',
  'http://crm.example/hook',
  'data:text/html,hi',
  'not a url',
];

describe('URL settings', () => {
  it('webhook URLs: anything but https (or http on this computer) is refused, naming the setting, and nothing is stored', () => {
    const settings = createSettingsService(memoryStore());
    for (const url of refused) {
      expect(() => settings.update({ crmWebhookUrl: url })).toThrow(/CRM webhook URL/);
      expect(() => settings.update({ marketingWebhookUrl: url })).toThrow(/Marketing webhook URL/);
      expect(() => settings.update({ wfmWebhookUrl: url })).toThrow(/WFM webhook URL/);
    }
    expect(settings.get().crmWebhookUrl).toBe('');
    expect(settings.update({ crmWebhookUrl: 'https://crm.example/hook' }).crmWebhookUrl).toBe('https://crm.example/hook');
    expect(settings.update({ wfmWebhookUrl: 'http://127.0.0.1:9000/hook' }).wfmWebhookUrl).toBe('http://127.0.0.1:9000/hook');
    expect(settings.update({ wfmWebhookUrl: 'http://localhost:9000/hook' }).wfmWebhookUrl).toBe('http://localhost:9000/hook');
  });

  it('a refused setting comes back over IPC with the setting named in the details', async () => {
    const settings = createSettingsService(memoryStore());
    const handlers = { 'settings:update': async (change: object) => settings.update(change) } as unknown as RequestHandlers;
    const reply = await dispatchRequest(handlers, 'settings:update', { crmWebhookUrl: 'javascript:alert(1)' });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(JSON.stringify(reply.error.details)).toContain('CRM webhook URL must be an https:// URL; javascript: URLs are not allowed.');
  });

  it('tenant URLs: the same rule for the API base URL and the token URL, in the form and in a stored profile', () => {
    const input = { label: 'Prod', clientId: 'c', apiBaseUrl: 'https://api.example.com' };
    for (const url of refused) {
      const base = tenantProfileInputSchema.safeParse({ ...input, apiBaseUrl: url });
      expect(base.error?.issues[0]?.message).toMatch(/^API base URL/);
      const token = tenantProfileInputSchema.safeParse({ ...input, tokenUrl: url });
      expect(token.error?.issues[0]?.message).toMatch(/^Token URL/);
      const stored = tenantProfileSchema.safeParse({ id: 't', label: 'T', adapter: 'contract', clientId: 'c', credentialRef: 'r', apiBaseUrl: url });
      expect(stored.success).toBe(false);
    }
    expect(tenantProfileInputSchema.safeParse({ ...input, tokenUrl: '' }).success).toBe(true);
    expect(tenantProfileInputSchema.safeParse({ ...input, apiBaseUrl: 'http://127.0.0.1:8787' }).success).toBe(true);
  });

  it('plain http on loopback carries a warning a screen shows; https does not', () => {
    expect(urlSettingWarning('http://127.0.0.1:9000/hook')).toMatch(/not encrypted/);
    expect(urlSettingWarning('https://crm.example/hook')).toBeNull();
  });

  it('a URL a browser would read with another host than it seems is refused: backslashes, spaces and control characters', () => {
    // WHATWG URL parsing turns \\ into / for http(s), so this one's real host is evil.example, not localhost.
    expect(new URL('http://evil.example\\@localhost/').hostname).toBe('evil.example');
    for (const text of ['http://evil.example\\@localhost/', 'http://localhost\t.evil.example/', 'https://a.example/ x', 'http://local\nhost/']) {
      expect(urlSettingProblem('CRM webhook URL', text), text).toMatch(/^CRM webhook URL /);
    }
    expect(urlSettingProblem('CRM webhook URL', 'http://127.0.0.1.evil.example/')).toMatch(/must use https/);
    expect(urlSettingProblem('CRM webhook URL', 'http://localhost.evil.example/')).toMatch(/must use https/);
    expect(urlSettingProblem('CRM webhook URL', 'http://localhost@evil.example/')).toMatch(/must use https/);
    expect(urlSettingProblem('CRM webhook URL', 'HTTPS://crm.example/hook')).toBeNull();
    expect(urlSettingProblem('CRM webhook URL', 'http://[::1]:8080/hook')).toBeNull();
  });
});
