import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contractPaths } from '../../../shared/cxone/schemas';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { apiCaller, connectedCaller, errorsOf, pollUntil, requestToken, tokenFor, type ApiCaller } from './tenant-client';

describe('demo tenant rate limit', () => {
  it('answers 429 with an integer Retry-After of at least one second once the bucket is empty', async () => {
    const tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: 12, contactsPerCampaign: 1 });
    try {
      const api = await connectedCaller(tenant);
      tenant.setKnobs({ rateLimitPerSecond: 3 });
      tenant.resetStats();
      const answers = await Promise.all(Array.from({ length: 12 }, () => api.get(contractPaths.campaigns)));
      const limited = answers.filter((answer) => answer.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      for (const answer of limited) {
        expect(answer.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
        expect(errorsOf(answer)[0]?.code).toBe('RATE_LIMITED');
      }
      const stats = tenant.stats();
      expect(stats.rateLimited).toBe(limited.length);
      expect(stats.byStatus[429]).toBe(limited.length);
      expect(stats.requests).toBe(12);

      tenant.setKnobs({ rateLimitPerSecond: 0 });
      const unlimited = await Promise.all(Array.from({ length: 12 }, () => api.get(contractPaths.campaigns)));
      expect(unlimited.every((answer) => answer.status === 200)).toBe(true);
    } finally {
      await tenant.close();
    }
  });
});

describe('demo tenant injected faults', () => {
  let tenant: DemoTenantHandle;
  let api: ApiCaller;
  const runningIds = () => [...tenant.state.campaigns.values()].filter((c) => c.status === 'running').map((c) => c.id);

  beforeAll(async () => {
    tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: 40, contactsPerCampaign: 2 });
    api = await connectedCaller(tenant);
  });
  afterEach(() => tenant.setKnobs({ faultRate: 0 }));
  afterAll(() => tenant.close());

  it('answers a before-handler status fault without changing state, with Retry-After when asked', async () => {
    const id = runningIds()[0] ?? '';
    tenant.injectFaults({ kind: 'status', status: 503, retryAfterSeconds: 2 });
    const answer = await api.patch(contractPaths.campaign(id), { status: 'paused' });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('2');
    expect(errorsOf(answer)[0]?.code).toBe('SERVICE_UNAVAILABLE');
    expect(tenant.state.campaigns.get(id)?.status).toBe('running');
    expect((await api.patch(contractPaths.campaign(id), { status: 'paused' })).status).toBe(200);
  });

  it('runs the handler before an after-handler 500, so the change happened but the answer is lost', async () => {
    const id = runningIds()[0] ?? '';
    tenant.injectFaults({ kind: 'status', status: 500, afterHandler: true });
    const answer = await api.patch(contractPaths.campaign(id), { status: 'paused' });
    expect(answer.status).toBe(500);
    expect(tenant.state.campaigns.get(id)?.status).toBe('paused');
  });

  it('drops the connection before the handler runs', async () => {
    const id = runningIds()[0] ?? '';
    tenant.injectFaults({ kind: 'drop' });
    await expect(api.patch(contractPaths.campaign(id), { status: 'paused' })).rejects.toThrow();
    expect(tenant.state.campaigns.get(id)?.status).toBe('running');
  });

  it('drops the connection after the handler ran for an after-handler drop: applied, but no answer', async () => {
    const id = runningIds()[0] ?? '';
    tenant.injectFaults({ kind: 'drop', afterHandler: true });
    await expect(api.patch(contractPaths.campaign(id), { status: 'paused' })).rejects.toThrow();
    expect(tenant.state.campaigns.get(id)?.status).toBe('paused');
  });

  it('draws the fault mix per matching request only: drops on writes leave reads alone', async () => {
    tenant.setKnobs({ faultMix: [{ rate: 1, fault: { match: { method: 'PATCH' }, kind: 'drop', afterHandler: true } }] });
    try {
      expect((await api.get(contractPaths.campaigns)).status).toBe(200);
      const id = runningIds()[0] ?? '';
      await expect(api.patch(contractPaths.campaign(id), { status: 'paused' })).rejects.toThrow();
      expect(tenant.state.campaigns.get(id)?.status).toBe('paused');
    } finally {
      tenant.setKnobs({ faultMix: [] });
    }
    expect((await api.patch(contractPaths.campaign(runningIds()[0] ?? ''), { status: 'paused' })).status).toBe(200);
  });

  it('answers 200 with truncated JSON after the handler ran for a malformed fault', async () => {
    const id = runningIds()[0] ?? '';
    tenant.injectFaults({ kind: 'malformed' });
    const answer = await api.patch(contractPaths.campaign(id), { status: 'paused' });
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.text)).toThrow();
    expect(tenant.state.campaigns.get(id)?.status).toBe('paused');
  });

  it('holds back the answer of a slow fault after the handler ran while other requests are answered', async () => {
    const id = runningIds()[0] ?? '';
    tenant.injectFaults({ kind: 'slow', delayMs: 60_000 });
    const abort = new AbortController();
    let settled = false;
    const slow = fetch(`${tenant.url}${contractPaths.campaign(id)}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${await tokenFor(tenant)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'paused' }),
      signal: abort.signal,
    }).finally(() => {
      settled = true;
    });
    await pollUntil(
      async () => tenant.state.campaigns.get(id)?.status,
      (status) => status === 'paused',
    );
    expect((await api.get(contractPaths.campaign(id))).status).toBe(200);
    expect(settled).toBe(false);
    abort.abort();
    await expect(slow).rejects.toThrow();
  });

  it('consumes faults in order, each by the first request it matches', async () => {
    tenant.injectFaults(
      { match: { method: 'PATCH' }, kind: 'status', status: 502 },
      { match: { pathPrefix: contractPaths.realtimeAgents }, kind: 'status', status: 504 },
      { kind: 'status', status: 503 },
    );
    expect((await api.get(contractPaths.realtimeAgents)).status).toBe(504);
    expect((await api.get(contractPaths.campaigns)).status).toBe(503);
    expect((await api.get(contractPaths.campaigns)).status).toBe(200);
    const patched = await api.patch(contractPaths.campaign(runningIds()[0] ?? ''), { status: 'paused' });
    expect(patched.status).toBe(502);
    expect((await api.get(contractPaths.campaigns)).status).toBe(200);
  });

  it('leaves the token endpoint alone unless a fault names its path', async () => {
    tenant.injectFaults({ kind: 'status', status: 503 });
    expect((await requestToken(tenant)).status).toBe(200);
    expect((await api.get(contractPaths.campaigns)).status).toBe(503);
    tenant.injectFaults({ match: { pathPrefix: '/oauth2/token' }, kind: 'status', status: 503 });
    expect((await requestToken(tenant)).status).toBe(503);
    expect((await requestToken(tenant)).status).toBe(200);
  });

  it('gives every API request a fault at faultRate 1 but never the token request', async () => {
    tenant.setKnobs({ faultRate: 1 });
    expect((await requestToken(tenant)).status).toBe(200);
    const caller = apiCaller(tenant, await tokenFor(tenant));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 24 }, () => caller.send('GET', contractPaths.wrapUpCodes, undefined, AbortSignal.timeout(20_000))),
    );
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled' && outcome.value.status === 200) {
        // A slow fault still answers correctly; the delay is its fault.
        expect(outcome.value.body).toMatchObject({ entities: expect.any(Array) });
      } else if (outcome.status === 'fulfilled') {
        expect([500, 502, 503, 504]).toContain(outcome.value.status);
      }
    }
    const failed = outcomes.filter((o) => o.status === 'rejected' || o.value.status !== 200).length;
    expect(failed).toBeGreaterThan(0);
  });
});

describe('demo tenant early token revocation', () => {
  it('stops honouring a token after revokeTokensAfterSeconds although expires_in still says the full lifetime', async () => {
    const tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: 4, contactsPerCampaign: 1, revokeTokensAfterSeconds: 0.2 });
    try {
      const issued = await requestToken(tenant);
      expect((issued.body as { expires_in: number }).expires_in).toBe(3600);
      const caller = apiCaller(tenant, (issued.body as { access_token: string }).access_token);
      expect((await caller.get(contractPaths.campaigns)).status).toBe(200);
      const refused = await pollUntil(
        () => caller.get(contractPaths.campaigns),
        (answer) => answer.status !== 200,
      );
      expect(refused.status).toBe(401);
      expect((await (await connectedCaller(tenant)).get(contractPaths.campaigns)).status).toBe(200);
    } finally {
      await tenant.close();
    }
  });
});
