import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFaultInjector } from '../demo-tenant/faults';
import { createPrng, deriveSeed } from '../demo-tenant/prng';
import { createRateLimiter } from '../demo-tenant/rate-limit';
import { adminIdentityOf, createAdminAuthority } from './auth';
import { defaultAdminApiDemoSeed } from './demo-identity';
import { contactRoutes } from './contact-routes';
import type { AdminApiDemoKnobs, AdminApiDemoTenantHandle, AdminApiDemoTenantOptions } from './public-types';
import { referenceRoutes } from './reference-routes';
import { createAdminRequestPipeline } from './request-pipeline';
import { createAdminRouter } from './router';
import { seedAdminTenantState } from './seed';
import { skillRoutes } from './skill-routes';

export type * from './public-types';

/** The version this simulated tenant reports; it answers every version from v12.0 to v34.0. */
export const demoAdminApiVersion = '33.0';

export { adminApiDemoAccessKeyId, defaultAdminApiDemoSeed } from './demo-identity';

export function describeAdminApiDemoTenant(handle: AdminApiDemoTenantHandle): {
  issuer: string;
  accessKeyId: string;
  accessKeySecret: string;
  apiVersion: string;
} {
  return { issuer: handle.issuer, accessKeyId: handle.accessKeyId, accessKeySecret: handle.accessKeySecret, apiVersion: handle.apiVersion };
}

/** Starts a simulated CXone Admin API tenant (issuer and API host on one port of 127.0.0.1). */
export async function startAdminApiDemoTenant(options: AdminApiDemoTenantOptions = {}): Promise<AdminApiDemoTenantHandle> {
  const seed = options.seed ?? defaultAdminApiDemoSeed;
  const knobs: Required<AdminApiDemoKnobs> = {
    rateLimitPerSecond: 0,
    sendRetryAfter: true,
    startStopDelayMs: 0,
    tokenTtlSeconds: 3600,
    latencyMs: 0,
    ...options.knobs,
  };
  const now = () => Date.now();
  const state = seedAdminTenantState({ seed, skillCount: options.skillCount ?? 300, contactsPerSkill: options.contactsPerSkill ?? 20 });
  const identity = adminIdentityOf(seed);
  let issuer = '';
  const authority = createAdminAuthority({ identity, issuer: () => issuer, ttlSeconds: () => knobs.tokenTtlSeconds, now });
  const rateLimiter = createRateLimiter(now);
  rateLimiter.setRate(knobs.rateLimitPerSecond);
  const faults = createFaultInjector(createPrng(deriveSeed(seed, 12)));
  const stats = { requests: 0, rateLimited: 0 };

  const pending = new Set<NodeJS.Timeout>();
  const schedule = (land: () => void) => {
    if (knobs.startStopDelayMs <= 0) return land();
    const timer = setTimeout(() => {
      pending.delete(timer);
      land();
    }, knobs.startStopDelayMs);
    timer.unref();
    pending.add(timer);
  };

  const router = createAdminRouter([...skillRoutes({ state, schedule }), ...contactRoutes(state), ...referenceRoutes(state)]);
  const server = createServer(
    createAdminRequestPipeline({ router, authority, rateLimiter, faults, sendRetryAfter: () => knobs.sendRetryAfter, latencyMs: () => knobs.latencyMs, stats }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let closing: Promise<void> | null = null;
  return {
    issuer,
    accessKeyId: identity.accessKeyId,
    accessKeySecret: identity.accessKeySecret,
    apiVersion: demoAdminApiVersion,
    tenantId: identity.tenantId,
    application: identity.application,
    state,
    stats: () => ({ ...stats }),
    setKnobs(changes) {
      Object.assign(knobs, Object.fromEntries(Object.entries(changes).filter((entry) => entry[1] !== undefined)));
      if ('rateLimitPerSecond' in changes) rateLimiter.setRate(changes.rateLimitPerSecond);
    },
    injectFaults: (...injected) => faults.inject(injected),
    revokeAllTokens: () => authority.revokeAll(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of pending) clearTimeout(timer);
        pending.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
