import { contractPaths, contractScopes, maxPageSize } from '../../../shared/cxone/schemas';
import { defaultMaxConcurrency, defaultMaxRequestsPerSecond, defaultTimeoutMs, summarizeProfile, type TenantProfile } from '../../../shared/tenant-profile';
import type { Clock } from '../clock';
import type { TenantConnection } from '../ports';
import { createRateLimiter } from '../rate-limiter';
import { createRequestLog } from '../request-log';
import type { RetryPolicyOptions } from '../retry-policy';
import type { SavedTokenStore, TokenBinding } from '../saved-token';
import type { AttemptPipeline } from './attempt-fetch';
import { contractCampaigns } from './campaigns-port';
import { contractContacts } from './contacts-port';
import { createContractHttp } from './contract-http';
import { pageSizeOf } from './page-size';
import { contractRealtimeAgents } from './realtime-agents-port';
import { contractReferenceData } from './reference-data-port';
import { createTokenSource, type TokenSource } from './token-source';
import { contractWebhooks } from './webhooks-port';

export interface ContractConnectionOptions {
  fetch: typeof globalThis.fetch;
  clock: Clock;
  retry?: RetryPolicyOptions;
  /** Page size used when a caller names none; small pages let tests walk many. */
  pageSize?: number;
  /** Where the token is kept between processes (the command line), by the client it was issued to; default: memory only. */
  savedTokens?: (binding: TokenBinding) => SavedTokenStore;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/** A connection speaking the reconciled contract: one token source, limiter, log and HTTP client. */
export function connectContractTenant(profile: TenantProfile, secret: () => Promise<string>, options: ContractConnectionOptions): TenantConnection {
  const apiBase = withoutTrailingSlash(profile.apiBaseUrl);
  let tokens: TokenSource | null = null;
  const log = createRequestLog({ secrets: () => tokens?.secrets() ?? [] });
  const limiter = createRateLimiter({
    maxRatePerSecond: profile.maxRequestsPerSecond ?? defaultMaxRequestsPerSecond,
    maxConcurrency: profile.maxConcurrency ?? defaultMaxConcurrency,
    clock: options.clock,
  });
  const pipeline: AttemptPipeline = { limiter, log, fetch: options.fetch, clock: options.clock, timeoutMs: profile.timeoutMs ?? defaultTimeoutMs };
  const binding: TokenBinding = {
    tokenUrl: profile.tokenUrl ?? `${apiBase}${contractPaths.defaultTokenPath}`,
    clientId: profile.clientId,
    scopes: profile.scopes ?? contractScopes,
  };
  tokens = createTokenSource({
    ...binding,
    secret,
    pipeline,
    ...(options.savedTokens ? { saved: options.savedTokens(binding) } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  const http = createContractHttp({ baseUrl: `${apiBase}${profile.pathPrefix ?? ''}`, pipeline, tokens, ...(options.retry ? { retry: options.retry } : {}) });

  return {
    profile: summarizeProfile(profile),
    campaigns: contractCampaigns(http, options.pageSize),
    contacts: contractContacts(http, options.pageSize),
    referenceData: contractReferenceData(http, pageSizeOf(options.pageSize, maxPageSize)),
    realtimeAgents: contractRealtimeAgents(http, pageSizeOf(options.pageSize, maxPageSize)),
    webhooks: contractWebhooks(http),
    requestLog: log,
    limiter,
    prepare() {
      tokens?.get().catch(() => undefined);
    },
    close() {
      http.close();
      limiter.close();
    },
  };
}
