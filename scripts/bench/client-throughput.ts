import { startDemoTenant } from '../../electron/demo-tenant/index';
import { connectTenant } from '../../electron/tenant/connect';

export interface ClientThroughputOptions {
  /** The demo tenant's limit (requests/second, token requests included). */
  rateLimitPerSecond: number;
  /** GETs to issue through the client. */
  requests: number;
  /** Callers issuing them at once (the client's own concurrency cap still applies). */
  concurrency: number;
}

export interface ClientThroughput {
  requests: number;
  wallMs: number;
  requestsPerSecond: number;
  /** requestsPerSecond / rateLimitPerSecond: how much of the tenant's budget the client used. */
  fractionOfLimit: number;
  /** Share of the tenant's answers that were 429. */
  share429: number;
}

/**
 * How close the client's adaptive limiter gets to a tenant's rate limit: starts a demo
 * tenant with that limit and pushes `requests` GETs through one connection whose own
 * maximum is set well above it, so only the 429 feedback can find the right pace.
 * Figures for `npm run bench`; never asserted.
 */
export async function benchClientThroughput(options: ClientThroughputOptions): Promise<ClientThroughput> {
  const tenant = await startDemoTenant({ rateLimitPerSecond: options.rateLimitPerSecond, dialerTickMs: 0, campaignCount: 32, contactsPerCampaign: 5 });
  const connection = connectTenant(
    {
      id: 'bench',
      label: 'Bench tenant',
      adapter: 'contract',
      apiBaseUrl: tenant.url,
      tokenUrl: tenant.tokenUrl,
      clientId: tenant.clientId,
      credentialRef: 'bench:clientSecret',
      maxRequestsPerSecond: Math.min(1000, options.rateLimitPerSecond * 4),
      maxConcurrency: Math.max(1, Math.min(64, options.concurrency)),
    },
    async () => tenant.clientSecret,
  );
  try {
    const ids = [...tenant.state.campaigns.keys()];
    let next = 0;
    const started = performance.now();
    const caller = async () => {
      while (next < options.requests) {
        const index = next;
        next += 1;
        await connection.campaigns.get(ids[index % ids.length] ?? '');
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, caller));
    const wallMs = performance.now() - started;
    const stats = tenant.stats();
    const requestsPerSecond = options.requests / (wallMs / 1000);
    return {
      requests: options.requests,
      wallMs: Math.round(wallMs),
      requestsPerSecond: Math.round(requestsPerSecond * 10) / 10,
      fractionOfLimit: Math.round((requestsPerSecond / options.rateLimitPerSecond) * 1000) / 1000,
      share429: stats.requests === 0 ? 0 : Math.round((stats.rateLimited / stats.requests) * 1000) / 1000,
    };
  } finally {
    connection.close();
    await tenant.close();
  }
}
