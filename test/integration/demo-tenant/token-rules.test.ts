import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractPaths, tokenResponseSchema } from '../../../shared/cxone/schemas';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { apiCaller, errorsOf, pollUntil, requestToken, tokenFor } from './tenant-client';

describe('demo tenant token endpoint and scopes', () => {
  let tenant: DemoTenantHandle;
  beforeAll(async () => {
    tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: 12, contactsPerCampaign: 5 });
  });
  afterAll(() => tenant.close());

  it('issues a bearer token with the contract fields for form-encoded client credentials', async () => {
    const answer = await requestToken(tenant);
    expect(answer.status).toBe(200);
    const token = tokenResponseSchema.parse(answer.body);
    expect(token.token_type).toBe('Bearer');
    expect(token.expires_in).toBe(3600);
    expect(token.scope?.split(' ')).toContain('outbound:campaign:write');
  });

  it('rejects a JSON token request with 400', async () => {
    const response = await fetch(tenant.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: tenant.clientId, client_secret: tenant.clientSecret }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { code: string }[] };
    expect(body.errors[0]?.code).toBe('UNSUPPORTED_CONTENT_TYPE');
  });

  it('rejects a grant type other than client_credentials with 400 naming grant_type', async () => {
    const response = await fetch(tenant.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: tenant.clientId, client_secret: tenant.clientSecret }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { path?: string }[] };
    expect(body.errors[0]?.path).toBe('grant_type');
  });

  it('answers 401 to a wrong client secret', async () => {
    const answer = await requestToken(tenant, { clientId: tenant.clientId, clientSecret: 'not-the-secret' });
    expect(answer.status).toBe(401);
    expect(errorsOf(answer)[0]?.code).toBe('INVALID_CLIENT');
  });

  it('answers 403 when a client asks for a scope it was not granted', async () => {
    const answer = await requestToken(tenant, tenant.limitedClient, 'outbound:campaign:read outbound:campaign:write');
    expect(answer.status).toBe(403);
    expect(errorsOf(answer)[0]?.message).toContain('outbound:campaign:write');
  });

  it('grants only the requested scopes, so a narrower token is refused wider calls', async () => {
    const token = await tokenFor(tenant, tenant, 'outbound:campaign:read');
    const api = apiCaller(tenant, token);
    expect((await api.get(contractPaths.campaigns)).status).toBe(200);
    const refused = await api.get(contractPaths.realtimeAgents);
    expect(refused.status).toBe(403);
    expect(errorsOf(refused)[0]).toMatchObject({ code: 'MISSING_SCOPE' });
    expect(errorsOf(refused)[0]?.message).toContain('realtime:read');
  });

  it('refuses writes to the read-only client with 403 MISSING_SCOPE naming the scope', async () => {
    const api = apiCaller(tenant, await tokenFor(tenant, tenant.limitedClient));
    expect((await api.get(contractPaths.campaign('cmp-0001'))).status).toBe(200);
    const refused = await api.patch(contractPaths.campaign('cmp-0001'), { status: 'paused' });
    expect(refused.status).toBe(403);
    expect(errorsOf(refused)[0]?.code).toBe('MISSING_SCOPE');
    expect(errorsOf(refused)[0]?.message).toContain('outbound:campaign:write');
    const webhook = await api.post(contractPaths.webhooks, {
      name: 'x',
      url: 'https://example.com/h',
      events: ['campaign.created'],
      active: true,
      secret: 's',
    });
    expect(errorsOf(webhook)[0]?.message).toContain('webhook:write');
  });

  it('answers 401 to API calls without a token or with an unknown one', async () => {
    const anonymous = await apiCaller(tenant, null).get(contractPaths.campaigns);
    expect(anonymous.status).toBe(401);
    expect(errorsOf(anonymous)[0]?.code).toBe('UNAUTHORIZED');
    expect((await apiCaller(tenant, 'made-up-token').get(contractPaths.campaigns)).status).toBe(401);
  });

  it('stops honouring every issued token after revokeAllTokens', async () => {
    const api = apiCaller(tenant, await tokenFor(tenant));
    expect((await api.get(contractPaths.campaigns)).status).toBe(200);
    tenant.revokeAllTokens();
    expect((await api.get(contractPaths.campaigns)).status).toBe(401);
    expect((await apiCaller(tenant, await tokenFor(tenant)).get(contractPaths.campaigns)).status).toBe(200);
  });

  it('expires a token after tokenTtlSeconds', async () => {
    const shortLived = await startDemoTenant({ dialerTickMs: 0, campaignCount: 12, contactsPerCampaign: 1, tokenTtlSeconds: 1 });
    try {
      const answer = await requestToken(shortLived);
      expect((answer.body as { expires_in: number }).expires_in).toBe(1);
      const api = apiCaller(shortLived, (answer.body as { access_token: string }).access_token);
      expect((await api.get(contractPaths.campaigns)).status).toBe(200);
      const expired = await pollUntil(
        () => api.get(contractPaths.campaigns),
        (a) => a.status !== 200,
        5000,
        100,
      );
      expect(expired.status).toBe(401);
      expect(errorsOf(expired)[0]?.message).toMatch(/expired/);
    } finally {
      await shortLived.close();
    }
  });

  it('applies a changed token lifetime to tokens issued afterwards', async () => {
    tenant.setKnobs({ tokenTtlSeconds: 120 });
    const answer = await requestToken(tenant);
    expect((answer.body as { expires_in: number }).expires_in).toBe(120);
    tenant.setKnobs({ tokenTtlSeconds: 3600 });
  });
});
