import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminApiDemoTenantHandle } from '../../../electron/demo-tenant-admin/index';
import type { TenantConnection } from '../../../electron/tenant/ports';
import { collect, connectToAdmin, failureOf, seededSkill, startAdminTenant, statusesAt } from './support';

describe('CXone Admin API adapter against the simulated tenant', () => {
  let tenant: AdminApiDemoTenantHandle;
  let connection: TenantConnection;
  beforeEach(async () => {
    tenant = await startAdminTenant();
    connection = connectToAdmin(tenant, { pageSize: 7 });
  });
  afterEach(async () => {
    connection.close();
    await tenant.close();
  });

  describe('campaigns are Personal Connection skills', () => {
    it('lists every outbound PC skill across skip/top pages, with status from isActive/isRunning and the CXone campaign beside it', async () => {
      const campaigns = await collect(connection.campaigns.list());
      const pcSkills = [...tenant.state.skills.values()].filter((skill) => skill.isOutbound && skill.outboundStrategy === 'Personal Connection');
      expect(campaigns.map((campaign) => campaign.id).sort()).toEqual(pcSkills.map((skill) => String(skill.skillId)).sort());
      expect(statusesAt(connection, '/skills').length).toBeGreaterThanOrEqual(Math.ceil(pcSkills.length / 7));
      const running = seededSkill(tenant, (skill) => skill.isActive && skill.isRunning);
      const inactive = seededSkill(tenant, (skill) => !skill.isActive);
      const byId = new Map(campaigns.map((campaign) => [campaign.id, campaign]));
      expect(byId.get(String(running.skillId))).toMatchObject({ status: 'running', version: 0, customAttributes: { cxoneCampaignName: running.campaignName } });
      expect(byId.get(String(inactive.skillId))?.status).toBe('completed');
      expect((await collect(connection.campaigns.list({ status: 'paused' }))).every((campaign) => campaign.status === 'paused')).toBe(true);
    });

    it('refuses an inbound skill as no campaign', async () => {
      const inbound = [...tenant.state.skills.values()].find((skill) => !skill.isOutbound);
      expect((await failureOf(connection.campaigns.get(String(inbound?.skillId)))).kind).toBe('not_found');
      expect((await failureOf(connection.campaigns.get('999'))).kind).toBe('not_found');
    });

    it('pauses with a stop without force and resumes with a start, reading again after each', async () => {
      const skill = seededSkill(tenant, (s) => s.isActive && s.isRunning);
      const paused = await connection.campaigns.setStatus(String(skill.skillId), 'paused');
      expect(paused.status).toBe('paused');
      const resumed = await connection.campaigns.setStatus(String(skill.skillId), 'running');
      expect(resumed.status).toBe('running');
      expect(tenant.state.startStopLog).toEqual([
        { skillId: skill.skillId, action: 'stop', force: false },
        { skillId: skill.skillId, action: 'start', force: false },
      ]);
    });

    it('prepare() signs in with the access key before the first request is made', async () => {
      const prepared = connectToAdmin(tenant);
      prepared.prepare?.();
      await expect.poll(() => prepared.requestLog.recent().some((entry) => entry.path.endsWith('/token/access-key') && entry.status === 200)).toBe(true);
      expect(prepared.requestLog.recent().some((entry) => entry.path.includes('/skills'))).toBe(false);
      prepared.close();
    });

    it('writes nothing when the skill already has the status (read-compare-write), and says so as the contract does: a conflict', async () => {
      const skill = seededSkill(tenant, (s) => s.isActive && !s.isRunning);
      const error = await failureOf(connection.campaigns.setStatus(String(skill.skillId), 'paused'));
      expect([error.kind, error.code]).toEqual(['conflict', 'INVALID_TRANSITION']);
      expect(error.message).toContain('already paused');
      expect(tenant.state.startStopLog).toEqual([]);
    });

    it('counts a stop whose answer was lost as done when the skill then shows stopped, and reports a refused one as refused', async () => {
      const [lost, refused] = [...tenant.state.skills.values()].filter((s) => s.isOutbound && s.isActive && s.isRunning);
      if (!lost || !refused) throw new Error('two running skills expected');
      const stopOf = (id: number) => ({ method: 'POST', pathPrefix: `/inContactAPI/services/v${tenant.apiVersion}/skills/${id}/stop` });
      tenant.injectFaults(...Array.from({ length: 6 }, () => ({ match: stopOf(lost.skillId), kind: 'drop' as const, afterHandler: true })));
      expect((await connection.campaigns.setStatus(String(lost.skillId), 'paused')).status).toBe('paused');
      tenant.injectFaults({ match: stopOf(refused.skillId), kind: 'status', status: 403 });
      expect((await failureOf(connection.campaigns.setStatus(String(refused.skillId), 'paused'))).kind).toBe('permission');
      expect(tenant.state.skills.get(refused.skillId)?.isRunning).toBe(true);
    });

    it('stops with force when the lead chose the forced stop as emergency pause', async () => {
      const forced = connectToAdmin(tenant, { emergencyStop: 'forced' });
      const skill = seededSkill(tenant, (s) => s.isActive && s.isRunning);
      await forced.campaigns.setStatus(String(skill.skillId), 'paused', undefined, { urgency: 'emergency' });
      expect(tenant.state.startStopLog).toEqual([{ skillId: skill.skillId, action: 'stop', force: true }]);
      forced.close();
    });

    it('pauses without force even when the emergency pause forces, and forces nothing by default', async () => {
      const forced = connectToAdmin(tenant, { emergencyStop: 'forced' });
      const [first, second] = [...tenant.state.skills.values()].filter((s) => s.isOutbound && s.isActive && s.isRunning);
      if (!first || !second) throw new Error('two running skills expected');
      await forced.campaigns.setStatus(String(first.skillId), 'paused');
      await connection.campaigns.setStatus(String(second.skillId), 'paused', undefined, { urgency: 'emergency' });
      expect(tenant.state.startStopLog).toEqual([
        { skillId: first.skillId, action: 'stop', force: false },
        { skillId: second.skillId, action: 'stop', force: false },
      ]);
      forced.close();
    });

    it('waits out a 202 that completes later by re-reading the skill', async () => {
      tenant.setKnobs({ startStopDelayMs: 300 });
      const skill = seededSkill(tenant, (s) => s.isActive && s.isRunning);
      expect((await connection.campaigns.setStatus(String(skill.skillId), 'paused')).status).toBe('paused');
      expect(statusesAt(connection, `/skills/${skill.skillId}`).length).toBeGreaterThan(2);
    });

    it('refuses to resume an inactive skill as a conflict', async () => {
      const inactive = seededSkill(tenant, (s) => !s.isActive);
      const error = await failureOf(connection.campaigns.setStatus(String(inactive.skillId), 'running'));
      expect([error.kind, error.code]).toEqual(['conflict', 'INVALID_TRANSITION']);
      expect(tenant.state.startStopLog).toEqual([]);
    });

    it('says what the Admin API lacks: create, replace, complete, webhooks', async () => {
      const skill = seededSkill(tenant, (s) => s.isActive);
      const campaign = await connection.campaigns.get(String(skill.skillId));
      const refusals = await Promise.all([
        failureOf(connection.campaigns.create(campaign)),
        failureOf(connection.campaigns.replace(campaign.id, campaign)),
        failureOf(connection.campaigns.setStatus(campaign.id, 'completed')),
        failureOf(connection.webhooks.create({ name: 'w', url: 'https://example.com/hook', events: ['campaign.created'], active: true, secret: 's' })),
      ]);
      expect(refusals.map((error) => error.kind)).toEqual(['not_available', 'not_available', 'not_available', 'not_available']);
      expect(refusals[3]?.message).toContain('not available on this tenant');
    });
  });

  describe('contacts, agents and reference data', () => {
    it('records a disposition with set-disposition, mapped from the outcome code, and reads it back', async () => {
      const contact = [...tenant.state.contacts.values()].find((c) =>
        tenant.state.skills.get(c.skillId)?.dispositions.some((d) => d.dispositionName === 'Interested'),
      );
      if (!contact) throw new Error('no contact on a skill with Interested');
      const campaignId = String(contact.skillId);
      const contactId = String(contact.contactId);
      expect((await connection.contacts.get(campaignId, contactId)).outcomeCode).toBeNull();
      const updated = await connection.contacts.applyDisposition(campaignId, contactId, {
        outcomeCode: 'INTERESTED',
        agentId: 'agent-1',
        dispositionTimestamp: '2026-11-02T15:00:00Z',
        notes: 'imported',
      });
      expect(updated).toMatchObject({ id: contactId, campaignId, outcomeCode: 'INTERESTED', state: 'DONE' });
      expect(tenant.state.contacts.get(contact.contactId)?.disposition).toMatchObject({ dispositionName: 'Interested', notes: 'imported' });
      const unmapped = await failureOf(
        connection.contacts.applyDisposition(campaignId, contactId, {
          outcomeCode: 'NO_SUCH_OUTCOME',
          agentId: 'a',
          dispositionTimestamp: '2026-11-02T15:00:00Z',
        }),
      );
      expect(unmapped.kind).toBe('validation');
      expect((await failureOf(connection.contacts.get(campaignId, '123'))).kind).toBe('not_found');
    });

    it('maps the contract outcome CALLBACK_LATER to the skill disposition "Call back later" and answers with the outcome asked for', async () => {
      const contact = [...tenant.state.contacts.values()].find((c) =>
        tenant.state.skills.get(c.skillId)?.dispositions.some((d) => d.dispositionName === 'Call back later'),
      );
      if (!contact) throw new Error('no contact on a skill with Call back later');
      const updated = await connection.contacts.applyDisposition(String(contact.skillId), String(contact.contactId), {
        outcomeCode: 'CALLBACK_LATER',
        agentId: 'agent-1',
        dispositionTimestamp: '2026-11-02T15:00:00Z',
      });
      expect(updated.outcomeCode).toBe('CALLBACK_LATER');
      expect(tenant.state.contacts.get(contact.contactId)?.disposition?.dispositionName).toBe('Call back later');
    });

    it('lists real-time agents from /agents/states with the skill as campaign', async () => {
      const agents = await collect(connection.realtimeAgents.agents());
      expect(agents).toHaveLength(tenant.state.agentStates.length);
      const onCall = tenant.state.agentStates.find((state) => state.agentStateName === 'OutboundContact');
      expect(agents.find((agent) => agent.userId === String(onCall?.agentId))).toMatchObject({ state: 'on_call', skills: [String(onCall?.skillId)] });
    });

    it('reads dispositions as wrap-up codes, calling lists, DNC groups, and checks a number against a group', async () => {
      const codes = await collect(connection.referenceData.wrapUpCodes());
      expect(codes.map((code) => code.outcomeCode)).toContain('NOT_INTERESTED');
      expect(await collect(connection.referenceData.contactLists())).toHaveLength(tenant.state.callingLists.length);
      const [groupId, numbers] = [...tenant.state.dncRecords].find(([, records]) => records.size > 0) ?? [];
      const listed = [...(numbers?.keys() ?? [])][0];
      expect(await connection.referenceData.isOnDncList(String(groupId), `+1${listed}`)).toBe(true);
      expect(await connection.referenceData.isOnDncList(String(groupId), '+15125550000')).toBe(false);
      expect((await failureOf(connection.referenceData.dncList('404'))).kind).toBe('not_found');
    });
  });

  describe('sign-in, limits and errors', () => {
    it('signs in with the password grant when an application registration is given', async () => {
      const withApp = connectToAdmin(tenant, {
        application: { clientId: tenant.application.clientId, clientSecret: async () => tenant.application.clientSecret },
      });
      expect((await collect(withApp.referenceData.dncLists())).length).toBe(tenant.state.dncGroups.length);
      expect(withApp.requestLog.recent().some((entry) => entry.path === '/auth/token')).toBe(true);
      withApp.close();
    });

    it('reports a bad access key and bad application credentials as authentication errors', async () => {
      const badKey = connectToAdmin(tenant, { secret: 'wrong' });
      const keyError = await failureOf(collect(badKey.campaigns.list()));
      expect(keyError.kind).toBe('authentication');
      expect(keyError.message).toContain(tenant.accessKeyId);
      expect(keyError.message).not.toContain('wrong');
      const badApp = connectToAdmin(tenant, { application: { clientId: tenant.application.clientId, clientSecret: async () => 'nope' } });
      const appError = await failureOf(collect(badApp.campaigns.list()));
      expect([appError.kind, appError.code]).toEqual(['authentication', 'invalid_client']);
      badKey.close();
      badApp.close();
    });

    it('signs in again once when the token is revoked', async () => {
      await collect(connection.referenceData.dncLists());
      tenant.revokeAllTokens();
      expect(await collect(connection.referenceData.dncLists())).toHaveLength(tenant.state.dncGroups.length);
    });

    it('backs off on 429 without Retry-After and honours it when sent', async () => {
      tenant.injectFaults({ kind: 'status', status: 429 }, { kind: 'status', status: 429, retryAfterSeconds: 0 });
      const skill = seededSkill(tenant, (s) => s.isActive);
      expect((await connection.campaigns.get(String(skill.skillId))).id).toBe(String(skill.skillId));
      expect(statusesAt(connection, `/skills/${skill.skillId}`)).toEqual([429, 429, 200]);
      expect(connection.limiter.snapshot().recentRateLimited).toBeGreaterThanOrEqual(2);
    });

    it('gets through the tenant rate limit that sends no Retry-After', async () => {
      tenant.setKnobs({ rateLimitPerSecond: 3, sendRetryAfter: false });
      const campaigns = await collect(connection.campaigns.list());
      expect(campaigns.length).toBe(30);
      expect(tenant.stats().rateLimited).toBeGreaterThan(0);
    });

    it('maps {error, errorDescription} answers to typed errors and retries a GET through a 500', async () => {
      const skill = seededSkill(tenant, (s) => s.isActive);
      tenant.injectFaults({ kind: 'status', status: 500 });
      expect((await connection.campaigns.get(String(skill.skillId))).id).toBe(String(skill.skillId));
      tenant.injectFaults({ kind: 'status', status: 403 });
      const refused = await failureOf(connection.campaigns.get(String(skill.skillId)));
      expect([refused.kind, refused.code, refused.status]).toEqual(['permission', 'InjectedFault', 403]);
      const malformed = await failureOf(connection.campaigns.get('abc'));
      expect(malformed.kind).toBe('not_found');
    });
  });
});
