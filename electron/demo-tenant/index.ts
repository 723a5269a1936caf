import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delay } from '../../shared/base/delay';
import { Emitter } from '../../shared/base/emitter';
import { contractPaths } from '../../shared/cxone/schemas';
import { agentRoutes } from './agent-routes';
import { createAuthority, demoClients } from './auth';
import { createCampaignLifecycle } from './campaign-lifecycle';
import { campaignRoutes } from './campaign-routes';
import { contactRoutes, recordOptOut } from './contact-routes';
import { createDialerSimulation } from './dialer-simulation';
import { createFaultInjector } from './faults';
import { createPrng, deriveSeed } from './prng';
import type { DemoFault, DemoKnobs, DemoRequestArrival, DemoTenantHandle, DemoTenantOptions, DemoWeatherAlert } from './public-types';
import { createRateLimiter } from './rate-limit';
import { referenceRoutes } from './reference-routes';
import { createRequestPipeline } from './request-pipeline';
import { createRouter } from './router';
import { seedTenantState } from './seed-data';
import { createStatsRecorder } from './stats';
import { webhookRoutes } from './webhook-routes';
import { weatherRoutes } from './weather-routes';
import { scriptedWeather } from './weather-timeline';

export type {
  DemoContact,
  DemoCredentials,
  DemoFault,
  DemoFaultRule,
  DemoKnobs,
  DemoRequestArrival,
  DemoTenantHandle,
  DemoTenantOptions,
  DemoTenantState,
  DemoTenantStats,
  DemoWeatherAlert,
  StoredWebhookSubscription,
} from './public-types';

export { measuredFaultMix, measuredFaultProfile } from './fault-profiles';

/** The DNC list that DO_NOT_CALL dispositions land on ("Internal Opt-Outs"). */
const optOutListId = 'dnc-02';

export function describeDemoTenant(handle: DemoTenantHandle): { url: string; tokenUrl: string; clientId: string; clientSecret: string } {
  return { url: handle.url, tokenUrl: handle.tokenUrl, clientId: handle.clientId, clientSecret: handle.clientSecret };
}

/** Starts the simulated CXone tenant on 127.0.0.1 and resolves once it listens. */
export async function startDemoTenant(options: DemoTenantOptions = {}): Promise<DemoTenantHandle> {
  const seed = options.seed ?? 42;
  const campaignCount = options.campaignCount ?? 64;
  const contactsPerCampaign = options.contactsPerCampaign ?? 1500;
  const knobs = {
    latencyMs: options.latencyMs ?? 0,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    activationMs: options.activationMs ?? 3000,
    revokeTokensAfterSeconds: options.revokeTokensAfterSeconds ?? 0,
    maxConcurrentCallsLimit: options.maxConcurrentCallsLimit,
  };
  const now = () => Date.now();

  const state = seedTenantState({ seed, campaignCount, contactsPerCampaign, ...(options.agentCount !== undefined ? { agentCount: options.agentCount } : {}) });
  const weatherScript = scriptedWeather(state, now());
  let fixedWeather: DemoWeatherAlert[] | null = options.weatherAlerts ?? null;
  const weatherAlerts = () => fixedWeather ?? weatherScript(now());
  const clients = demoClients(seed);
  const authority = createAuthority({
    clients: [clients.full, clients.limited],
    ttlSeconds: () => knobs.tokenTtlSeconds,
    revokeAfterSeconds: () => knobs.revokeTokensAfterSeconds,
    now,
  });
  const rateLimiter = createRateLimiter(now);
  rateLimiter.setRate(options.rateLimitPerSecond);
  const faults = createFaultInjector(createPrng(deriveSeed(seed, 3)));
  faults.setRate(options.faultRate);
  faults.setMix(options.faultMix);
  const stats = createStatsRecorder();
  const lifecycle = createCampaignLifecycle({ state, now, activationMs: () => knobs.activationMs });
  const dialer = createDialerSimulation({
    state,
    prng: createPrng(deriveSeed(seed, 2)),
    now,
    recordOptOut: (phone) => recordOptOut(state, optOutListId, phone),
  });

  const router = createRouter([
    ...campaignRoutes({
      state,
      lifecycle,
      now,
      licenceLimit: options.licenceLimit ?? campaignCount + 50,
      contactsPerCampaign,
      maxConcurrentCallsLimit: () => knobs.maxConcurrentCallsLimit,
      prng: createPrng(deriveSeed(seed, 4)),
    }),
    ...contactRoutes({ state, optOutListId }),
    ...referenceRoutes(state),
    ...agentRoutes(state),
    ...webhookRoutes(state, now),
    ...weatherRoutes(weatherAlerts, now),
  ]);

  const closed = new AbortController();
  // A wait cut short by close never settles: the answer it was holding back is not sent.
  const wait = (ms: number) => (ms <= 0 ? Promise.resolve() : delay(ms, closed.signal).catch(() => new Promise<void>(() => undefined)));

  const pipeline = createRequestPipeline({
    tokenPath: contractPaths.defaultTokenPath,
    router,
    authority,
    rateLimiter,
    faults,
    stats,
    latencyMs: () => knobs.latencyMs,
    wait,
  });
  const arrivals = new Emitter<DemoRequestArrival>();
  const server = createServer((request, response) => {
    arrivals.fire({ method: request.method ?? 'GET', path: request.url ?? '/', at: Date.now() });
    return pipeline(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  lifecycle.resumePendingActivations();
  const dialerTickMs = options.dialerTickMs ?? 1000;
  const dialerTimer = dialerTickMs > 0 ? setInterval(() => dialer.tick(), dialerTickMs) : null;
  dialerTimer?.unref();

  let closing: Promise<void> | null = null;
  return {
    url,
    tokenUrl: `${url}${contractPaths.defaultTokenPath}`,
    clientId: clients.full.clientId,
    clientSecret: clients.full.clientSecret,
    limitedClient: { clientId: clients.limited.clientId, clientSecret: clients.limited.clientSecret },
    state,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    onRequest: arrivals.event,
    setKnobs(changes: DemoKnobs) {
      if (changes.latencyMs !== undefined) knobs.latencyMs = changes.latencyMs;
      if (changes.tokenTtlSeconds !== undefined) knobs.tokenTtlSeconds = changes.tokenTtlSeconds;
      if (changes.activationMs !== undefined) knobs.activationMs = changes.activationMs;
      if ('rateLimitPerSecond' in changes) rateLimiter.setRate(changes.rateLimitPerSecond);
      if ('faultRate' in changes) faults.setRate(changes.faultRate);
      if ('faultMix' in changes) faults.setMix(changes.faultMix);
      if ('revokeTokensAfterSeconds' in changes) knobs.revokeTokensAfterSeconds = changes.revokeTokensAfterSeconds ?? 0;
      if ('maxConcurrentCallsLimit' in changes) knobs.maxConcurrentCallsLimit = changes.maxConcurrentCallsLimit;
    },
    injectFaults: (...injected: DemoFault[]) => faults.inject(injected),
    revokeAllTokens: () => authority.revokeAll(),
    setWeatherAlerts(alerts: DemoWeatherAlert[] | null) {
      fixedWeather = alerts === null ? null : alerts.map((alert) => ({ ...alert, regions: [...alert.regions] }));
    },
    tick: () => dialer.tick(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        if (dialerTimer) clearInterval(dialerTimer);
        lifecycle.close();
        closed.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
