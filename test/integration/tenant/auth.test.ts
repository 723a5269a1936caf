import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { systemClock } from '../../../electron/tenant/clock';
import { savedTokenFile } from '../../../electron/tenant/saved-token';
import { attemptsAt, collect, connectTo, failureOf, startTenant, tokenPath } from './support';

describe('tenant client authentication against the demo tenant', () => {
  let tenant: DemoTenantHandle;
  beforeEach(async () => {
    tenant = await startTenant();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await tenant.close();
  });

  it('shares one token request among concurrent callers', async () => {
    const connection = connectTo(tenant, { maxConcurrency: 32 });
    const ids = [...tenant.state.campaigns.keys()].slice(0, 20);
    tenant.resetStats();
    const campaigns = await Promise.all(ids.map((id) => connection.campaigns.get(id)));
    expect(campaigns.map((campaign) => campaign.id)).toEqual(ids);
    expect(tenant.stats().requests).toBe(ids.length + 1);
    expect(attemptsAt(connection, tokenPath)).toHaveLength(1);
  });

  it('reuses the cached token across calls', async () => {
    const connection = connectTo(tenant);
    const [first, second] = [...tenant.state.campaigns.keys()];
    await connection.campaigns.get(first ?? '');
    await connection.campaigns.get(second ?? '');
    expect(attemptsAt(connection, tokenPath)).toHaveLength(1);
  });

  it('refreshes once and replays when the token is revoked mid-run, then carries on', async () => {
    const connection = connectTo(tenant);
    const ids = [...tenant.state.campaigns.keys()].slice(0, 6);
    const seen: string[] = [];
    for (const [index, id] of ids.entries()) {
      if (index === 3) tenant.revokeAllTokens();
      seen.push((await connection.campaigns.get(id)).id);
    }
    expect(seen).toEqual(ids);
    expect(attemptsAt(connection, tokenPath)).toHaveLength(2);
    expect(tenant.stats().byStatus[401]).toBe(1);
  });

  it('refreshes once and replays when the token expires on the tenant before the client expects it', async () => {
    // The client's clock is monotonic and unaffected by the faked wall clock the tenant reads.
    const origin = Date.now() - performance.now();
    const monotonicClock = { now: () => origin + performance.now(), sleep: systemClock.sleep };
    const connection = connectTo(tenant, {}, { clock: monotonicClock });
    const [first, second] = [...tenant.state.campaigns.keys()];
    await connection.campaigns.get(first ?? '');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2 * 3600 * 1000);
    const campaign = await connection.campaigns.get(second ?? '');
    expect(campaign.id).toBe(second);
    expect(attemptsAt(connection, tokenPath)).toHaveLength(2);
    expect(tenant.stats().byStatus[401]).toBe(1);
  });

  it('a token saved by an earlier connection is used while fresh, and signed in again for once it is not', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cxone-saved-tokens-'));
    try {
      const savedTokens = (binding: Parameters<typeof savedTokenFile>[1]) => savedTokenFile(folder, binding);
      const [first, second, third] = [...tenant.state.campaigns.keys()];
      const earlier = connectTo(tenant, {}, { savedTokens });
      await earlier.campaigns.get(first ?? '');
      expect(attemptsAt(earlier, tokenPath)).toHaveLength(1);
      earlier.close();

      const later = connectTo(tenant, {}, { savedTokens });
      expect((await later.campaigns.get(second ?? '')).id).toBe(second);
      expect(attemptsAt(later, tokenPath)).toHaveLength(0);
      later.close();

      // An hour on, the saved token is past its margin: a new process signs in instead of being refused.
      const hourLater = { now: () => Date.now() + 3600 * 1000, sleep: systemClock.sleep };
      const muchLater = connectTo(tenant, {}, { savedTokens, clock: hourLater });
      tenant.resetStats();
      expect((await muchLater.campaigns.get(third ?? '')).id).toBe(third);
      expect(attemptsAt(muchLater, tokenPath)).toHaveLength(1);
      expect(tenant.stats().byStatus[401]).toBeUndefined();
      muchLater.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('gives up with an authentication error when the fresh token is refused too', async () => {
    const connection = connectTo(tenant);
    const id = [...tenant.state.campaigns.keys()][0] ?? '';
    tenant.injectFaults(
      { match: { method: 'GET', pathPrefix: '/api/' }, kind: 'status', status: 401 },
      { match: { method: 'GET', pathPrefix: '/api/' }, kind: 'status', status: 401 },
    );
    const error = await failureOf(connection.campaigns.get(id));
    expect(error.kind).toBe('authentication');
    expect(error.message).toContain(`read campaign ${id}`);
    expect(attemptsAt(connection, tokenPath)).toHaveLength(2);
    expect(attemptsAt(connection, '/api/')).toHaveLength(2);
  });

  it('says the client credentials are wrong when the token endpoint answers 401, without retrying', async () => {
    const connection = connectTo(tenant, {}, { secret: 'not-the-secret' });
    const error = await failureOf(collect(connection.campaigns.list()));
    expect(error.kind).toBe('authentication');
    expect(error.message).toContain(tenant.clientId);
    expect(error.message).toMatch(/client id and secret/);
    expect(attemptsAt(connection, tokenPath)).toHaveLength(1);
  });

  it('names the scopes the token endpoint will not grant', async () => {
    const connection = connectTo(tenant, { clientId: tenant.limitedClient.clientId }, { secret: tenant.limitedClient.clientSecret });
    const error = await failureOf(collect(connection.campaigns.list()));
    expect(error.kind).toBe('permission');
    expect(error.message).toContain('outbound:campaign:write');
    expect(error.message).not.toContain('outbound:campaign:read,');
  });

  it('names the scope an API call lacks, distinct from a licence refusal', async () => {
    const readOnly = connectTo(
      tenant,
      { clientId: tenant.limitedClient.clientId, scopes: ['outbound:campaign:read'] },
      { secret: tenant.limitedClient.clientSecret },
    );
    const id = [...tenant.state.campaigns.keys()][0] ?? '';
    const error = await failureOf(readOnly.campaigns.setStatus(id, 'paused'));
    expect(error.kind).toBe('permission');
    expect(error.status).toBe(403);
    expect(error.message).toContain('outbound:campaign:write');
    expect(error.message).not.toMatch(/licen/i);
  });

  it('never writes the secret or a token into the request log', async () => {
    const tokens = new Set<string>();
    const observingFetch: typeof fetch = (input, init) => {
      const header = input instanceof Request ? input.headers.get('authorization') : null;
      if (header?.startsWith('Bearer ')) tokens.add(header.slice(7));
      return fetch(input, init);
    };
    const connection = connectTo(tenant, {}, { fetch: observingFetch });
    await collect(connection.campaigns.list({ pageSize: 10 }));
    tenant.revokeAllTokens();
    await collect(connection.referenceData.wrapUpCodes());
    tenant.injectFaults({ kind: 'status', status: 401 }, { kind: 'status', status: 401 });
    await failureOf(collect(connection.referenceData.dncLists()));
    expect(tokens.size).toBeGreaterThanOrEqual(2);
    const logged = JSON.stringify(connection.requestLog.recent());
    expect(logged).not.toContain(tenant.clientSecret);
    for (const token of tokens) expect(logged).not.toContain(token);
    expect(logged).not.toMatch(/authorization|client_secret|access_token/i);
  });
});
