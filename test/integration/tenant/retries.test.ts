import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { attemptsAt, campaignsNamed, connectTo, definitionLike, failureOf, startTenant } from './support';

const campaignsPath = '/api/v2/outbound/campaigns';

describe('tenant client retry policy against the demo tenant', () => {
  let tenant: DemoTenantHandle;
  let someId: string;
  beforeEach(async () => {
    tenant = await startTenant();
    someId = [...tenant.state.campaigns.keys()][0] ?? '';
  });
  afterEach(() => tenant.close());

  it('retries a GET through a burst of 5xx answers and succeeds', async () => {
    const connection = connectTo(tenant);
    tenant.injectFaults(
      { match: { method: 'GET' }, kind: 'status', status: 503 },
      { match: { method: 'GET' }, kind: 'status', status: 500 },
      { match: { method: 'GET' }, kind: 'status', status: 502 },
    );
    const campaign = await connection.campaigns.get(someId);
    expect(campaign.id).toBe(someId);
    expect(attemptsAt(connection, campaignsPath).map((entry) => entry.status)).toEqual([503, 500, 502, 200]);
  });

  it('stops after four attempts and reports a server error', async () => {
    const connection = connectTo(tenant);
    const fault = { match: { method: 'GET' }, kind: 'status', status: 500 } as const;
    tenant.injectFaults(fault, fault, fault, fault, fault);
    const error = await failureOf(connection.campaigns.get(someId));
    expect(error.kind).toBe('server');
    expect(error.status).toBe(500);
    expect(attemptsAt(connection, campaignsPath).map((entry) => entry.attempt)).toEqual([1, 2, 3, 4]);
  });

  it('does not retry a POST answered 500, because it may have been applied', async () => {
    const connection = connectTo(tenant);
    tenant.injectFaults({ match: { method: 'POST', pathPrefix: campaignsPath }, kind: 'status', status: 500, afterHandler: true });
    const error = await failureOf(connection.campaigns.create(definitionLike(tenant, 'Retry probe 500')));
    expect(error.kind).toBe('server');
    expect(attemptsAt(connection, campaignsPath)).toHaveLength(1);
    expect(campaignsNamed(tenant, 'Retry probe 500')).toBe(1);
  });

  it('retries a POST answered 503 by a gateway and creates the campaign once', async () => {
    const connection = connectTo(tenant);
    tenant.injectFaults({ match: { method: 'POST', pathPrefix: campaignsPath }, kind: 'status', status: 503 });
    const created = await connection.campaigns.create(definitionLike(tenant, 'Retry probe 503'));
    expect(created.status).toBe('draft');
    expect(attemptsAt(connection, campaignsPath).map((entry) => entry.status)).toEqual([503, 201]);
    expect(campaignsNamed(tenant, 'Retry probe 503')).toBe(1);
  });

  it('retries a POST answered 429 after the Retry-After', async () => {
    const connection = connectTo(tenant);
    tenant.injectFaults({ match: { method: 'POST', pathPrefix: campaignsPath }, kind: 'status', status: 429, retryAfterSeconds: 1 });
    const created = await connection.campaigns.create(definitionLike(tenant, 'Retry probe 429'));
    expect(created.name).toBe('Retry probe 429');
    const [throttled, accepted] = attemptsAt(connection, campaignsPath);
    expect(throttled?.status).toBe(429);
    expect(Date.parse(accepted?.at ?? '') - Date.parse(throttled?.at ?? '')).toBeGreaterThanOrEqual(900);
  });

  it('a 429 storm does not use up the attempts meant for faults: five 429s, then three 5xx, then the answer', async () => {
    const connection = connectTo(tenant);
    const throttled = { match: { method: 'GET' }, kind: 'status', status: 429, retryAfterSeconds: 0 } as const;
    const fault = { match: { method: 'GET' }, kind: 'status', status: 503 } as const;
    tenant.injectFaults(throttled, throttled, throttled, throttled, throttled, fault, fault, fault);
    const campaign = await connection.campaigns.get(someId);
    expect(campaign.id).toBe(someId);
    expect(attemptsAt(connection, campaignsPath).map((entry) => entry.status)).toEqual([429, 429, 429, 429, 429, 503, 503, 503, 200]);
  });

  it('429s interleaved with faults still leave the fault budget at four attempts', async () => {
    const connection = connectTo(tenant);
    const throttled = { match: { method: 'GET' }, kind: 'status', status: 429, retryAfterSeconds: 0 } as const;
    const fault = { match: { method: 'GET' }, kind: 'status', status: 503 } as const;
    tenant.injectFaults(fault, throttled, fault, throttled, fault, throttled, fault, fault);
    const error = await failureOf(connection.campaigns.get(someId));
    expect(error).toMatchObject({ kind: 'server', status: 503 });
    expect(attemptsAt(connection, campaignsPath).map((entry) => entry.status)).toEqual([503, 429, 503, 429, 503, 429, 503]);
  });

  it('throttling is bounded by a deadline per request, not by the attempts', async () => {
    const connection = connectTo(tenant, {}, { retry: { baseDelayMs: 10, maxDelayMs: 100, throttleDeadlineMs: 500 } });
    tenant.injectFaults({ match: { method: 'GET' }, kind: 'status', status: 429, retryAfterSeconds: 1 });
    const error = await failureOf(connection.campaigns.get(someId));
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429 });
    expect(attemptsAt(connection, campaignsPath)).toHaveLength(1);
  });

  it('a token revoked again while a request waits out a 429 is refreshed again; two refusals in a row are not', async () => {
    const connection = connectTo(tenant);
    const revoked = { match: { method: 'GET' }, kind: 'status', status: 401 } as const;
    tenant.injectFaults(revoked, { match: { method: 'GET' }, kind: 'status', status: 429, retryAfterSeconds: 0 }, revoked);
    expect((await connection.campaigns.get(someId)).id).toBe(someId);
    expect(attemptsAt(connection, campaignsPath).map((entry) => entry.status)).toEqual([401, 429, 401, 200]);
    tenant.injectFaults(revoked, revoked);
    expect((await failureOf(connection.campaigns.get(someId))).kind).toBe('authentication');
  });

  it('retries a GET whose connection was dropped', async () => {
    const connection = connectTo(tenant);
    tenant.injectFaults({ match: { method: 'GET' }, kind: 'drop' });
    const campaign = await connection.campaigns.get(someId);
    expect(campaign.id).toBe(someId);
    expect(attemptsAt(connection, campaignsPath).map((entry) => entry.status)).toEqual([null, 200]);
  });

  it('surfaces a dropped POST as a network error without retrying', async () => {
    const connection = connectTo(tenant);
    tenant.injectFaults({ match: { method: 'POST', pathPrefix: campaignsPath }, kind: 'drop' });
    const error = await failureOf(connection.campaigns.create(definitionLike(tenant, 'Dropped probe')));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('create campaign "Dropped probe"');
    expect(attemptsAt(connection, campaignsPath)).toHaveLength(1);
  });

  it('reports a network error naming the host when nothing listens', async () => {
    const url = tenant.url;
    await tenant.close();
    const connection = connectTo({ ...tenant, url }, { tokenUrl: `${url}/oauth2/token` });
    const error = await failureOf(connection.campaigns.get('c-1'));
    expect(error.kind).toBe('network');
    expect(error.message).toContain(new URL(url).host);
  });

  it('never retries answers that will not change: 404, 409, 400, 422', async () => {
    const connection = connectTo(tenant);
    expect((await failureOf(connection.campaigns.get('no-such-campaign'))).kind).toBe('not_found');
    const draft = await connection.campaigns.create(definitionLike(tenant, 'Draft for transitions'));
    const conflict = await failureOf(connection.campaigns.setStatus(draft.id, 'paused'));
    expect(conflict).toMatchObject({ kind: 'conflict', code: 'INVALID_TRANSITION' });
    const invalid = await failureOf(connection.campaigns.create({ ...definitionLike(tenant, 'Bad refs'), contactListId: 'cl-missing' }));
    expect(invalid.kind).toBe('validation');
    expect(invalid.details?.length).toBeGreaterThan(0);
    for (const entry of connection.requestLog.recent()) expect(entry.attempt).toBe(1);
  });

  it('weathers a 429 storm: every call succeeds and the shared limiter slows everyone down', async () => {
    tenant.setKnobs({ rateLimitPerSecond: 10 });
    const connection = connectTo(tenant, { maxRequestsPerSecond: 40, maxConcurrency: 16 });
    const ids = [...tenant.state.campaigns.keys()];
    const calls = Array.from({ length: 48 }, (_, i) => connection.campaigns.get(ids[i % ids.length] ?? ''));
    const campaigns = await Promise.all(calls);
    expect(campaigns).toHaveLength(48);
    const limiter = connection.limiter.snapshot();
    expect(tenant.stats().rateLimited).toBeGreaterThan(0);
    expect(limiter.recentRateLimited).toBe(tenant.stats().rateLimited);
    expect(limiter.ratePerSecond).toBeLessThan(40);
    // The cut paces every caller, so the tenant sees fewer 429s than there were calls.
    expect(tenant.stats().rateLimited).toBeLessThan(calls.length);
  });
});
