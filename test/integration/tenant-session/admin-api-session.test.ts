import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startAdminApiDemoTenant, type AdminApiDemoTenantHandle } from '../../../electron/demo-tenant-admin/index';
import { createFileVault } from '../../../electron/vault/file-vault';
import { accessKeyCredentialRefOf } from '../../../electron/tenant-session/credential-binding';
import { emptyNewCampaignForm } from '../../../shared/new-campaign/campaign-form';
import { toConsoleError } from '../../../shared/errors';
import { startServices, type ServicesUnderTest } from '../security/security-support';

const person = { type: 'user', name: 'lead' } as const;
const dialingSkillIds = (tenant: AdminApiDemoTenantHandle) =>
  [...tenant.state.skills.values()]
    .filter((s) => s.isOutbound && s.outboundStrategy === 'Personal Connection' && s.isActive && s.isRunning)
    .map((s) => s.skillId);

describe('the tenant session with a CXone (Admin API) tenant', () => {
  let subject: ServicesUnderTest | null = null;
  let tenant: AdminApiDemoTenantHandle | null = null;
  afterEach(async () => {
    await subject?.close();
    await tenant?.close();
    subject = tenant = null;
  });

  it('"Demo tenant (Admin API)" runs the console on the simulated tenant; the emergency pause stops its skills without force', async () => {
    subject = await startServices();
    const reply = await subject.call('tenant:useDemo', { kind: 'cxone-admin' });
    expect(reply).toMatchObject({ ok: true, value: { connection: 'connected', isDemo: true, adapter: 'cxone-admin', label: 'Demo tenant (Admin API)' } });
    const demo = subject.services.tenant.adminApiDemoTenant();
    if (!demo) throw new Error('the Admin API demo tenant did not start');
    const running = dialingSkillIds(demo);
    expect(running.length).toBeGreaterThan(0);

    const run = await subject.services.campaignControl.emergencyPause(person);
    expect(
      run.results
        .filter((r) => r.outcome === 'changed')
        .map((r) => Number(r.campaignId))
        .sort((a, b) => a - b),
    ).toEqual(running);
    expect(dialingSkillIds(demo)).toEqual([]);
    expect(demo.state.startStopLog.every((entry) => entry.action === 'stop' && !entry.force)).toBe(true);
  });

  it('the New campaign wizard and its webhook subscription say "not available on this tenant" with the reason; reference data still lists', async () => {
    subject = await startServices();
    await subject.call('tenant:useDemo', { kind: 'cxone-admin' });
    const catalog = await subject.call('newCampaign:references', {});
    if (!catalog.ok) throw new Error(catalog.error.message);
    const { contactLists, wrapUpCodes, dncLists } = catalog.value as {
      contactLists: { id: string }[];
      wrapUpCodes: { id: string }[];
      dncLists: { id: string }[];
    };
    expect([contactLists.length, wrapUpCodes.length, dncLists.length].every((count) => count > 0)).toBe(true);
    const form = {
      ...emptyNewCampaignForm,
      name: 'Admin API wave',
      contactListId: contactLists[0]?.id ?? '',
      wrapUpCodeIds: [wrapUpCodes[0]?.id ?? ''],
      dncListId: dncLists[0]?.id ?? '',
    };
    const created = await subject.call('newCampaign:create', { form, simulation: null });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value).toMatchObject({
      outcome: 'rejected',
      error: { kind: 'not_available', message: expect.stringContaining('not available on this tenant') },
    });

    const webhook = await subject.services.tenant
      .connection()
      .webhooks.create({ name: 'x', url: 'https://hooks.example.com', events: ['campaign.created'], active: true, secret: 'long-enough-secret' })
      .then(
        () => null,
        (thrown: unknown) => toConsoleError(thrown),
      );
    expect(webhook).toMatchObject({ kind: 'not_available', message: expect.stringMatching(/not available on this tenant: .*polls/) });

    // The disposition sample file is made of the contract demo's contacts: not offered for the Admin API demo.
    const sample = await subject.call('dispositions:demoSample', {});
    expect(sample).toMatchObject({ ok: false, error: { kind: 'not_available' } });
  });

  it('connects with an access key, keeps its secret in the vault slot of issuer + key id, and forces the emergency stop when chosen', async () => {
    subject = await startServices();
    tenant = await startAdminApiDemoTenant({ seed: 3, skillCount: 8, contactsPerSkill: 1 });
    const form = { label: 'Prod', issuer: tenant.issuer, accessKeyId: tenant.accessKeyId, apiVersion: tenant.apiVersion, emergencyStop: 'forced' };

    const withoutSecret = await subject.call('tenant:connectAdminApi', form);
    expect(withoutSecret).toMatchObject({ ok: false, error: { kind: 'validation', target: 'accessKeySecret' } });

    const reply = await subject.call('tenant:connectAdminApi', { ...form, accessKeySecret: tenant.accessKeySecret });
    expect(reply).toMatchObject({ ok: true, value: { connection: 'connected', isDemo: false, adapter: 'cxone-admin' } });
    const ref = accessKeyCredentialRefOf(`tenant-admin-${tenant.accessKeyId}`.replace(/[^A-Za-z0-9_-]/g, '-'), tenant);
    expect(await createFileVault(join(subject.dataDir, 'secrets.json')).get(ref)).toBe(tenant.accessKeySecret);
    expect(readFileSync(join(subject.dataDir, 'settings.json'), 'utf8')).not.toContain(tenant.accessKeySecret);
    expect(subject.auditText()).not.toContain(tenant.accessKeySecret);
    expect(subject.events.join('\n')).not.toContain(tenant.accessKeySecret);

    // The stored secret is reused for the same issuer and key, without being typed again.
    expect(await subject.call('tenant:connectAdminApi', form)).toMatchObject({ ok: true, value: { connection: 'connected' } });

    const running = dialingSkillIds(tenant);
    await subject.services.campaignControl.emergencyPause(person);
    expect(dialingSkillIds(tenant)).toEqual([]);
    const stops = tenant.state.startStopLog.filter((entry) => entry.action === 'stop').sort((a, b) => a.skillId - b.skillId);
    expect(stops).toEqual(running.map((skillId) => ({ skillId, action: 'stop', force: true })));
  });

  it('a stored access key secret is not sent to another issuer', async () => {
    subject = await startServices();
    tenant = await startAdminApiDemoTenant({ seed: 3, skillCount: 4, contactsPerSkill: 1 });
    const form = { label: 'Prod', issuer: tenant.issuer, accessKeyId: tenant.accessKeyId };
    expect(await subject.call('tenant:connectAdminApi', { ...form, accessKeySecret: tenant.accessKeySecret })).toMatchObject({ ok: true });
    const before = tenant.stats().requests;
    const elsewhere = await subject.call('tenant:connectAdminApi', { ...form, issuer: tenant.issuer.replace('127.0.0.1', 'localhost') });
    expect(elsewhere).toMatchObject({ ok: false, error: { kind: 'validation', target: 'accessKeySecret' } });
    expect(tenant.stats().requests).toBe(before);
  });
});
