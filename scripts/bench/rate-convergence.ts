import { startDemoTenant } from '../../electron/demo-tenant/index';
import { connectTenant } from '../../electron/tenant/connect';

export interface RateConvergenceOptions {
  tenantRatePerSecond: number;
  configuredRatePerSecond: number;
  seconds: number;
  latencyMs?: number;
}

export interface RateConvergence {
  /** Answers other than 429 the client got, per second of the run. */
  admittedPerSecond: number[];
  /** When the limiter's rate entered ±10% of the tenant's rate and stayed there; null if it never did. */
  convergedAfterMs: number | null;
  finalRatePerSecond: number;
  learnedLimitPerSecond: number | null;
  /** Admitted answers per second from convergence to the end, ÷ the tenant's rate. */
  afterConvergenceOverLimit: number | null;
  share429: number;
}

/**
 * How fast the client's pacing finds a tenant's token-bucket rate from a configured rate
 * above or below it: callers keep the client saturated for `seconds`, and the limiter's
 * rate is sampled every 100 ms. Figures for `npm run bench`; never asserted.
 */
export async function benchRateConvergence(options: RateConvergenceOptions): Promise<RateConvergence> {
  const limit = options.tenantRatePerSecond;
  const tenant = await startDemoTenant({
    rateLimitPerSecond: limit,
    latencyMs: options.latencyMs ?? 40,
    dialerTickMs: 0,
    campaignCount: 16,
    contactsPerCampaign: 2,
  });
  const connection = connectTenant(
    {
      id: 'bench',
      label: 'Bench tenant',
      adapter: 'contract',
      apiBaseUrl: tenant.url,
      tokenUrl: tenant.tokenUrl,
      clientId: tenant.clientId,
      credentialRef: 'bench:clientSecret',
      maxRequestsPerSecond: options.configuredRatePerSecond,
      maxConcurrency: 8,
    },
    async () => tenant.clientSecret,
  );
  const samples: { at: number; rate: number }[] = [];
  const admittedAt: number[] = [];
  const stopLog = connection.requestLog.subscribe((entry) => {
    if (entry.status !== null && entry.status !== 429) admittedAt.push(Date.parse(entry.at) + entry.latencyMs);
  });
  try {
    const ids = [...tenant.state.campaigns.keys()];
    const started = Date.now();
    const end = started + options.seconds * 1000;
    const sampler = setInterval(() => samples.push({ at: Date.now() - started, rate: connection.limiter.snapshot().ratePerSecond }), 100);
    let next = 0;
    const caller = async () => {
      while (Date.now() < end) {
        next += 1;
        await connection.campaigns.get(ids[next % ids.length] ?? '').catch(() => undefined);
      }
    };
    await Promise.all(Array.from({ length: 16 }, caller));
    clearInterval(sampler);
    const admittedPerSecond = Array.from(
      { length: options.seconds },
      (_, second) => admittedAt.filter((at) => at - started >= second * 1000 && at - started < (second + 1) * 1000).length,
    );
    let convergedAfterMs: number | null = null;
    for (let i = samples.length - 1; i >= 0; i -= 1) {
      const sample = samples[i];
      if (!sample || Math.abs(sample.rate - limit) > limit * 0.1) break;
      convergedAfterMs = sample.at;
    }
    const from = started + (convergedAfterMs ?? 0);
    const window = (end - from) / 1000;
    const after = admittedAt.filter((at) => at >= from && at < end).length;
    const stats = tenant.stats();
    const snapshot = connection.limiter.snapshot();
    return {
      admittedPerSecond,
      convergedAfterMs,
      finalRatePerSecond: snapshot.ratePerSecond,
      learnedLimitPerSecond: snapshot.learnedLimitPerSecond,
      afterConvergenceOverLimit: convergedAfterMs === null || window <= 0 ? null : Math.round((after / window / limit) * 100) / 100,
      share429: stats.requests > 0 ? Math.round((stats.rateLimited / stats.requests) * 1000) / 1000 : 0,
    };
  } finally {
    stopLog();
    connection.close();
    await tenant.close();
  }
}
