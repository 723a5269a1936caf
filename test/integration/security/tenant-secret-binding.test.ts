import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEchoingTenant, startServices, type EchoServer, type ServicesUnderTest } from './security-support';

describe('a stored client secret goes only where it was entered for', () => {
  let subject: ServicesUnderTest | null = null;
  let evil: EchoServer | null = null;
  afterEach(async () => {
    await subject?.close();
    await evil?.close();
    subject = evil = null;
  });

  const connectToDemoAsRealTenant = async (s: ServicesUnderTest) => {
    const demo = s.services.tenant.demoTenant();
    if (!demo) throw new Error('demo tenant not started');
    const reply = await s.call('tenant:connect', {
      label: 'Prod',
      apiBaseUrl: demo.url,
      tokenUrl: demo.tokenUrl,
      clientId: demo.clientId,
      clientSecret: demo.clientSecret,
    });
    expect(reply).toMatchObject({ ok: true, value: { connection: 'connected', isDemo: false } });
    return demo;
  };

  it('the same client id with a new token URL and no secret is refused before anything is sent there, and the saved profile stays', async () => {
    subject = await startServices();
    evil = await startEchoingTenant('grant');
    const demo = await connectToDemoAsRealTenant(subject);
    const savedBefore = readFileSync(join(subject.dataDir, 'settings.json'), 'utf8');

    const reply = await subject.call('tenant:connect', { label: 'Prod', apiBaseUrl: demo.url, tokenUrl: `${evil.url}/oauth2/token`, clientId: demo.clientId });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error).toMatchObject({ kind: 'validation', target: 'clientSecret' });
    expect(reply.error.message).toMatch(/Enter the client secret/);
    const otherBase = await subject.call('tenant:connect', { label: 'Prod', apiBaseUrl: evil.url, clientId: demo.clientId });
    expect(otherBase.ok).toBe(false);
    expect(evil.seen).toEqual([]);
    expect(readFileSync(join(subject.dataDir, 'settings.json'), 'utf8')).toBe(savedBefore);
    expect(subject.services.tenant.status()).toMatchObject({ apiBaseUrl: demo.url, connection: 'connected' });
  });

  it('a profile that fails to connect is not saved and is not health-checked again; the previous tenant is back', async () => {
    subject = await startServices();
    evil = await startEchoingTenant('refuse');
    const demo = await connectToDemoAsRealTenant(subject);
    const savedBefore = readFileSync(join(subject.dataDir, 'settings.json'), 'utf8');
    const secretsBefore = readFileSync(join(subject.dataDir, 'secrets.json'), 'utf8');

    const reply = await subject.call('tenant:connect', { label: 'Evil', apiBaseUrl: evil.url, clientId: 'other', clientSecret: 'typed-secret-for-evil' });
    expect(reply.ok).toBe(false);
    const seenAfterConnect = evil.seen.length;
    expect(seenAfterConnect).toBeGreaterThan(0);
    expect(readFileSync(join(subject.dataDir, 'settings.json'), 'utf8')).toBe(savedBefore);
    expect(readFileSync(join(subject.dataDir, 'secrets.json'), 'utf8')).toBe(secretsBefore);
    expect(subject.services.tenant.status()).toMatchObject({ apiBaseUrl: demo.url, label: 'Prod', connection: 'connected' });
    // A health check now goes to the tenant that is connected, not to the refused one.
    await subject.services.tenant.reconnect();
    expect(evil.seen.length).toBe(seenAfterConnect);
  });

  it('connections and secret changes are audit entries, without the secret', async () => {
    subject = await startServices();
    evil = await startEchoingTenant('refuse');
    const demo = await connectToDemoAsRealTenant(subject);
    await subject.call('tenant:connect', { label: 'Evil', apiBaseUrl: evil.url, clientId: 'other', clientSecret: 'typed-secret-for-evil' });
    const entries = subject
      .auditText()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; outcome: string; target: { id: string } });
    const actions = entries.map((entry) => `${entry.action}:${entry.outcome}`);
    expect(actions).toContain('tenant.connect:success');
    expect(actions).toContain('tenant.secret_change:success');
    expect(actions).toContain('tenant.connect:failed');
    expect(subject.auditText()).not.toContain(demo.clientSecret);
    expect(subject.auditText()).not.toContain('typed-secret-for-evil');
  });

  it('webhook URL and signing secret changes are audit entries, without the secret', async () => {
    subject = await startServices();
    expect(await subject.call('settings:update', { crmWebhookUrl: 'https://crm.example/hook' })).toMatchObject({ ok: true });
    expect(await subject.call('outbox:setSecret', { channel: 'crm', secret: 'signing-secret-value-1' })).toMatchObject({ ok: true });
    expect(await subject.call('outbox:setSecret', { channel: 'crm', secret: null })).toMatchObject({ ok: true });
    const entries = subject
      .auditText()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; target: { id: string }; after?: unknown });
    expect(entries.find((entry) => entry.action === 'settings.webhook_url_change')).toMatchObject({
      target: { id: 'crmWebhookUrl' },
      after: { url: 'https://crm.example/hook' },
    });
    expect(entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['webhook.secret_change', 'webhook.secret_remove']));
    expect(subject.auditText()).not.toContain('signing-secret-value-1');
  });
});
