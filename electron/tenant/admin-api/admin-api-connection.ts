import { maxPageSize } from '../../../shared/cxone/schemas';
import {
  defaultMaxConcurrency,
  defaultMaxRequestsPerSecond,
  defaultTimeoutMs,
  summarizeProfile,
  type AdminApiProfileSettings,
  type TenantProfile,
} from '../../../shared/tenant-profile';
import type { Clock } from '../clock';
import type { AttemptPipeline } from '../contract/attempt-fetch';
import { pageSizeOf } from '../contract/page-size';
import type { TenantConnection } from '../ports';
import { createRateLimiter } from '../rate-limiter';
import { createRequestLog } from '../request-log';
import type { RetryPolicyOptions } from '../retry-policy';
import { createAccessKeyTokenSource, type ApplicationCredentials } from './access-key-tokens';
import { createAdminHttp } from './admin-http';
import { defaultApiVersion, defaultEmergencyStop } from './assumptions';
import { adminCampaigns } from './campaigns-port';
import { adminContacts } from './contacts-port';
import { adminRealtimeAgents } from './realtime-agents-port';
import { adminReferenceData } from './reference-data-port';
import { adminWebhooks } from './webhooks-port';

export interface AdminApiConnectionOptions {
  fetch: typeof globalThis.fetch;
  clock: Clock;
  retry?: RetryPolicyOptions;
  pageSize?: number;
  /** "33.0": the API lives under /inContactAPI/services/v{apiVersion}/. */
  apiVersion?: string;
  /** An application registration: sign in with the password grant instead of the access-key endpoint. */
  application?: ApplicationCredentials;
  /**
   * How an emergency pause stops a skill: without force (calls in progress finish) unless the
   * lead chose the forced stop. A pause is always a stop without force.
   */
  emergencyStop?: 'without_force' | 'forced';
  /** Settings that change while connected (Settings edits them); read at each use, over `emergencyStop`. */
  liveSettings?: () => AdminApiProfileSettings;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * A connection to a real CXone tenant through its Admin API, behind the same ports as the
 * contract adapter. The profile's `apiBaseUrl` is the issuer, `clientId` the access key id,
 * and `secret()` reads the access key secret.
 */
export function connectAdminApiTenant(profile: TenantProfile, secret: () => Promise<string>, options: AdminApiConnectionOptions): TenantConnection {
  const issuer = withoutTrailingSlash(profile.apiBaseUrl);
  let knownSecrets: () => string[] = () => [];
  const log = createRequestLog({ secrets: () => knownSecrets() });
  const limiter = createRateLimiter({
    maxRatePerSecond: profile.maxRequestsPerSecond ?? defaultMaxRequestsPerSecond,
    maxConcurrency: profile.maxConcurrency ?? defaultMaxConcurrency,
    clock: options.clock,
  });
  const pipeline: AttemptPipeline = { limiter, log, fetch: options.fetch, clock: options.clock, timeoutMs: profile.timeoutMs ?? defaultTimeoutMs };
  const retry = options.retry ? { retry: options.retry } : {};
  const tokens = createAccessKeyTokenSource({
    issuer,
    accessKeyId: profile.clientId,
    accessKeySecret: secret,
    ...(options.application ? { application: options.application } : {}),
    pipeline,
    ...retry,
  });
  knownSecrets = () => tokens.secrets();
  const http = createAdminHttp({ issuer, apiVersion: options.apiVersion ?? defaultApiVersion, tokens, pipeline, ...retry });
  const referencePageSize = pageSizeOf(options.pageSize, maxPageSize);
  const live: () => AdminApiProfileSettings = options.liveSettings ?? (() => profile.adminApi ?? {});
  const outcomeDispositions = () => live().outcomeDispositions ?? {};

  return {
    profile: summarizeProfile(profile),
    campaigns: adminCampaigns(http, {
      clock: options.clock,
      emergencyStop: () => options.liveSettings?.().emergencyStop ?? options.emergencyStop ?? defaultEmergencyStop,
      ...(options.pageSize ? { defaultPageSize: options.pageSize } : {}),
    }),
    contacts: adminContacts(http, outcomeDispositions),
    referenceData: adminReferenceData(http, referencePageSize, outcomeDispositions),
    realtimeAgents: adminRealtimeAgents(http, referencePageSize),
    webhooks: adminWebhooks,
    requestLog: log,
    limiter,
    prepare() {
      // Sign in now (the command line compiles the command meanwhile); a failure is left to the first request.
      tokens.get().catch(() => undefined);
    },
    close() {
      http.close();
      limiter.close();
    },
  };
}
