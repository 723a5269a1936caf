import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAdminApiDemoTenant, type AdminApiDemoTenantHandle, type AdminSkill } from '../../../electron/demo-tenant-admin/index';
import { adminClient, claimsOf } from './admin-client';

describe('simulated CXone Admin API tenant', () => {
  let tenant: AdminApiDemoTenantHandle;
  let client: ReturnType<typeof adminClient>;
  beforeEach(async () => {
    tenant = await startAdminApiDemoTenant({ seed: 5, skillCount: 40, contactsPerSkill: 4 });
    client = adminClient(tenant);
  });
  afterEach(() => tenant.close());

  const outboundSkills = () => [...tenant.state.skills.values()].filter((skill) => skill.isOutbound);
  const skillWhere = (test: (skill: AdminSkill) => boolean) => {
    const skill = outboundSkills().find(test);
    if (!skill) throw new Error('no such seeded skill');
    return skill;
  };

  describe('discovery and sign-in', () => {
    it('names the token endpoint in the OpenID configuration and the API host in the CXone configuration', async () => {
      const openId = await client.get(`${tenant.issuer}/.well-known/openid-configuration`);
      expect(openId.body.token_endpoint).toBe(`${tenant.issuer}/auth/token`);
      const config = await client.get(`${tenant.issuer}/.well-known/cxone-configuration?tenantId=${tenant.tenantId}`);
      expect(config.body.api_endpoint).toBe(tenant.issuer);
      expect((await client.get(`${tenant.issuer}/.well-known/cxone-configuration?tenantId=nope`)).status).toBe(404);
    });

    it('grants a token for the access key with the password grant and carries the tenant in the id_token', async () => {
      const basic = Buffer.from(`${tenant.application.clientId}:${tenant.application.clientSecret}`).toString('base64');
      const form = new URLSearchParams({ grant_type: 'password', username: tenant.accessKeyId, password: tenant.accessKeySecret });
      const granted = await client.post(`${tenant.issuer}/auth/token`, {
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      expect(granted.status).toBe(200);
      expect(granted.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
      expect(typeof granted.body.refresh_token).toBe('string');
      expect(claimsOf(granted.body.id_token as string)).toMatchObject({ tenantId: tenant.tenantId, icClusterId: 'C32' });
    });

    it('refuses bad app credentials as invalid_client, a bad access key as invalid_grant, and client_credentials outright', async () => {
      const form = (grant: string, password = tenant.accessKeySecret) =>
        new URLSearchParams({ grant_type: grant, username: tenant.accessKeyId, password }).toString();
      const basicOf = (secret: string) => `Basic ${Buffer.from(`${tenant.application.clientId}:${secret}`).toString('base64')}`;
      const headers = (secret: string) => ({ authorization: basicOf(secret), 'content-type': 'application/x-www-form-urlencoded' });
      const badClient = await client.post(`${tenant.issuer}/auth/token`, { headers: headers('wrong'), body: form('password') });
      expect([badClient.status, badClient.body.error]).toEqual([401, 'invalid_client']);
      const badKey = await client.post(`${tenant.issuer}/auth/token`, { headers: headers(tenant.application.clientSecret), body: form('password', 'wrong') });
      expect([badKey.status, badKey.body.error]).toEqual([401, 'invalid_grant']);
      expect(typeof badKey.body.error_description).toBe('string');
      const clientCredentials = await client.post(`${tenant.issuer}/auth/token`, {
        headers: headers(tenant.application.clientSecret),
        body: form('client_credentials'),
      });
      expect(clientCredentials.body.error).toBe('unsupported_grant_type');
    });

    it('refuses an API call without a valid bearer token, and one without Accept: application/json', async () => {
      const token = await client.accessKeyToken();
      expect((await client.get(`${client.apiBase}/skills`, { accept: 'application/json' })).status).toBe(401);
      const noAccept = await client.get(`${client.apiBase}/skills`, { authorization: `Bearer ${token}` });
      expect(noAccept.body).toEqual({ error: 'NotAcceptable', errorDescription: 'No known way to render data.' });
      tenant.revokeAllTokens();
      expect((await client.api('GET', '/skills', token)).status).toBe(401);
    });
  });

  describe('skills', () => {
    it('pages skills with skip/top and totalRecords, and filters Personal Connection skills', async () => {
      const token = await client.accessKeyToken();
      const seen: number[] = [];
      let total = Infinity;
      for (let skip = 0; skip < total; skip += 15) {
        const page = await client.api('GET', `/skills?skip=${skip}&top=15&outboundStrategy=Personal%20Connection`, token);
        total = page.body.totalRecords as number;
        seen.push(...(page.body.skills as AdminSkill[]).map((skill) => skill.skillId));
      }
      expect(total).toBe(40);
      expect(new Set(seen).size).toBe(40);
      const all = await client.api('GET', '/skills', token);
      expect(all.body.totalRecords).toBe(48);
      expect((await client.api('GET', '/skills?top=0', token)).body.error).toBe('InvalidParameter');
    });

    it('stops a running skill with and without force, answers 202, and starts it again', async () => {
      const token = await client.accessKeyToken();
      const skill = skillWhere((s) => s.isRunning);
      const stopped = await client.api('POST', `/skills/${skill.skillId}/stop?force=false`, token);
      expect(stopped.status).toBe(202);
      expect(tenant.state.skills.get(skill.skillId)?.isRunning).toBe(false);
      expect((await client.api('POST', `/skills/${skill.skillId}/start`, token)).status).toBe(202);
      expect(((await client.api('GET', `/skills/${skill.skillId}`, token)).body.skill as AdminSkill).isRunning).toBe(true);
      await client.api('POST', `/skills/${skill.skillId}/stop?force=true`, token);
      expect(tenant.state.startStopLog).toEqual([
        { skillId: skill.skillId, action: 'stop', force: false },
        { skillId: skill.skillId, action: 'start', force: false },
        { skillId: skill.skillId, action: 'stop', force: true },
      ]);
    });

    it('holds every answer back by the latency knob, after the change has landed', async () => {
      const token = await client.accessKeyToken();
      const skill = skillWhere((s) => s.isRunning);
      tenant.setKnobs({ latencyMs: 60_000 });
      const controller = new AbortController();
      let answered = false;
      const stop = fetch(`${client.apiBase}/skills/${skill.skillId}/stop`, {
        method: 'POST',
        headers: { accept: 'application/json', authorization: `Bearer ${token}` },
        signal: controller.signal,
      }).then(
        () => (answered = true),
        () => null,
      );
      await expect.poll(() => tenant.state.skills.get(skill.skillId)?.isRunning).toBe(false);
      expect(answered).toBe(false);
      controller.abort();
      await stop;
      tenant.setKnobs({ latencyMs: 0 });
      expect((await client.api('POST', `/skills/${skill.skillId}/start`, token)).status).toBe(202);
    });

    it('a forced stop ends the contacts in progress; a stop without force lets them finish', async () => {
      const token = await client.accessKeyToken();
      const active = (skillId: number) => [...tenant.state.contacts.values()].filter((c) => c.skillId === skillId && c.active).length;
      const [gentle, forced] = outboundSkills().filter((s) => s.isRunning && active(s.skillId) > 0);
      if (!gentle || !forced) throw new Error('the seed needs two running skills with calls in progress');
      await client.api('POST', `/skills/${gentle.skillId}/stop`, token);
      await client.api('POST', `/skills/${forced.skillId}/stop?force=true`, token);
      expect(active(gentle.skillId)).toBeGreaterThan(0);
      expect(active(forced.skillId)).toBe(0);
    });

    it('answers errors as {error, errorDescription}: unknown skill, inactive skill, malformed id', async () => {
      const token = await client.accessKeyToken();
      const missing = await client.api('GET', '/skills/999', token);
      expect(missing.status).toBe(404);
      expect(Object.keys(missing.body).sort()).toEqual(['error', 'errorDescription']);
      const inactive = skillWhere((s) => !s.isActive);
      expect((await client.api('POST', `/skills/${inactive.skillId}/start`, token)).status).toBe(400);
      expect((await client.api('GET', '/skills/abc', token)).body.error).toBe('InvalidParameter');
    });

    it('creates skills in a batch answered 200 with a per-item failure', async () => {
      const token = await client.accessKeyToken();
      const taken = outboundSkills()[0]?.skillName;
      const created = await client.api('POST', '/skills', token, { skills: [{ skillName: 'Brand new PC skill', isOutbound: true }, { skillName: taken }] });
      expect(created.status).toBe(200);
      const results = created.body.skillsResults as { success: boolean; error: string | null }[];
      expect(results.map((result) => result.success)).toEqual([true, false]);
      expect(results[1]?.error).toContain('already exists');
    });
  });

  describe('dispositions, agents and reference data', () => {
    it('sets a contact disposition as a supervisor and reads it back', async () => {
      const token = await client.accessKeyToken();
      const contact = [...tenant.state.contacts.values()][0];
      const skill = contact ? tenant.state.skills.get(contact.skillId) : undefined;
      const disposition = skill?.dispositions[1];
      if (!contact || !disposition) throw new Error('seed has no contact');
      const set = await client.api('POST', `/contacts/${contact.contactId}/set-disposition`, token, {
        dispositionInfo: { skill: contact.skillId, dispositionCode: disposition.dispositionId, notes: 'from the console' },
      });
      expect(set.status).toBe(202);
      const read = await client.api('GET', `/contacts/${contact.contactId}/disposition`, token);
      expect(read.body).toMatchObject({ dispositionCode: disposition.dispositionId, dispositionName: disposition.dispositionName, notes: 'from the console' });
      const wrongCode = await client.api('POST', `/contacts/${contact.contactId}/set-disposition`, token, {
        dispositionInfo: { skill: contact.skillId, dispositionCode: 1 },
      });
      expect(wrongCode.body.error).toBe('InvalidDisposition');
    });

    it('lists agent states with skip/top and updatedSince', async () => {
      const token = await client.accessKeyToken();
      const all = await client.api('GET', '/agents/states?top=10', token);
      expect((all.body.agentStates as unknown[]).length).toBe(10);
      const total = all.body.totalRecords as number;
      const newest =
        tenant.state.agentStates
          .map((agent) => agent.startDate)
          .sort()
          .at(-1) ?? '';
      const recent = await client.api('GET', `/agents/states?updatedSince=${encodeURIComponent(newest)}`, token);
      expect(recent.body.totalRecords).toBeGreaterThanOrEqual(1);
      expect(recent.body.totalRecords).toBeLessThan(total);
    });

    it('lists dispositions, calling lists, DNC groups, their records, and finds a number by search', async () => {
      const token = await client.accessKeyToken();
      expect(((await client.api('GET', '/dispositions', token)).body.dispositions as unknown[]).length).toBe(tenant.state.dispositions.length);
      expect((await client.api('GET', '/lists/call-lists', token)).body.totalRecords).toBe(tenant.state.callingLists.length);
      const groups = (await client.api('GET', '/dnc-groups', token)).body.dncGroups as { dncGroupId: number }[];
      const first = groups[0]?.dncGroupId;
      const records = (await client.api('GET', `/dnc-groups/${first}/records?top=5`, token)).body.dncGroupRecords as { phoneNumber: string }[];
      expect(records).toHaveLength(5);
      const found = await client.api('POST', `/dnc-groups/search?phoneNumber=${records[0]?.phoneNumber}`, token);
      expect(found.body.dncGroupRecords).toContainEqual(expect.objectContaining({ dncGroupId: first }));
    });
  });

  describe('rate limiting', () => {
    it('answers 429 with Retry-After, or without it when the tenant is set not to send it', async () => {
      const token = await client.accessKeyToken();
      tenant.setKnobs({ rateLimitPerSecond: 1 });
      await client.api('GET', '/dispositions', token);
      const limited = await client.api('GET', '/dispositions', token);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
      expect(limited.body.error).toBe('TooManyRequests');
      tenant.setKnobs({ sendRetryAfter: false });
      const bare = await client.api('GET', '/dispositions', token);
      expect(bare.status).toBe(429);
      expect(bare.headers.get('retry-after')).toBeNull();
    });
  });
});
