import type { Agent, Campaign, Contact, ContactList, DncList, WrapUpCode, WebhookSubscription } from '../../shared/cxone/schemas';

export interface DemoTenantOptions {
  port?: number; // 0 = random (default)
  seed?: number; // default 42; all seeded data is deterministic for a seed
  latencyMs?: number; // added to every answer, default 0
  rateLimitPerSecond?: number; // token bucket; 0/undefined = unlimited; answers 429 with integer Retry-After (seconds, >=1) and the error body
  faultRate?: number; // 0..1 share of API requests (not token requests) that get a random fault
  tokenTtlSeconds?: number; // default 3600
  campaignCount?: number; // default 64
  contactsPerCampaign?: number; // default 1500
  agentCount?: number; // real-time agents seeded; default from campaignCount (48..500)
  maxConcurrentCallsLimit?: number; // the tenant's ceiling for rules.maxConcurrentCalls: a PUT/POST above it -> 400 INVALID_VALUE; default none
  licenceLimit?: number; // max number of non-completed campaigns; POST beyond -> 403 LICENCE_LIMIT; default campaignCount + 50
  activationMs?: number; // how long 'activating' lasts before 'running' (or 'failed'), default 3000
  dialerTickMs?: number; // how often contacts/agents advance; 0 = frozen; default 1000
  faultMix?: DemoFaultRule[]; // per-request random faults by kind, e.g. 3% 503, 2% 500 after the change, 1% drops on writes
  revokeTokensAfterSeconds?: number; // tokens stop working this long after issue although expires_in says tokenTtlSeconds; 0/undefined = never
  weatherAlerts?: DemoWeatherAlert[]; // what /demo/alerts/* serve; default: the scripted weather of weather-timeline.ts on the tenant's clock
}

/** One alert of the demo alerts feed (`/demo/alerts/simple`, `/demo/alerts/nws`); times ISO-8601. */
export interface DemoWeatherAlert {
  id: string;
  event: string;
  /** `Extreme`, `Severe`, `Moderate`, `Minor` or `Unknown`. */
  severity: string;
  /** Campaign regions, `US-<state>`; the NWS format gives each state two `<state>Z…` zones. */
  regions: string[];
  effective: string;
  expires: string;
  ends?: string | null;
  /** Default `Actual`. */
  status?: string;
  /** Default `Alert`; a `Cancel` ends the alerts it references. */
  messageType?: 'Alert' | 'Update' | 'Cancel';
  references?: string[];
  headline?: string;
}

/** A fault each matching API request gets with probability `rate`; rules are drawn in order, the first hit wins. */
export interface DemoFaultRule {
  rate: number;
  fault: DemoFault;
}

export interface DemoCredentials {
  clientId: string;
  clientSecret: string;
}

export type DemoKnobs = Partial<
  Pick<
    DemoTenantOptions,
    'latencyMs' | 'rateLimitPerSecond' | 'faultRate' | 'tokenTtlSeconds' | 'activationMs' | 'faultMix' | 'revokeTokensAfterSeconds' | 'maxConcurrentCallsLimit'
  >
>;

export interface DemoFaultMatch {
  method?: string;
  pathPrefix?: string;
}

/**
 * A fault without `match.pathPrefix` only hits API calls; give a prefix such as
 * `/oauth2/token` to hit the token endpoint. `afterHandler`: the change is applied
 * and only the answer is lost (a 500, or the connection dropped).
 */
export type DemoFault =
  | { match?: DemoFaultMatch; kind: 'status'; status: number; afterHandler?: boolean; retryAfterSeconds?: number }
  | { match?: DemoFaultMatch; kind: 'drop'; afterHandler?: boolean }
  | { match?: DemoFaultMatch; kind: 'malformed' }
  | { match?: DemoFaultMatch; kind: 'slow'; delayMs: number };

/** A contact as the tenant stores it: the contract fields plus what a disposition may add. */
export interface DemoContact extends Contact {
  notes?: string;
  customFields?: Record<string, string>;
}

/** The secret is kept (a real tenant signs deliveries with it) but never answered. */
export interface StoredWebhookSubscription extends WebhookSubscription {
  secret: string;
  createdAt: string;
}

export interface DemoTenantState {
  /** In creation order, which is also the listing order. */
  campaigns: Map<string, Campaign>;
  /** campaignId -> contactId -> contact. */
  contacts: Map<string, Map<string, DemoContact>>;
  contactLists: Map<string, ContactList>;
  wrapUpCodes: Map<string, WrapUpCode>;
  dncLists: Map<string, DncList>;
  /** dncListId -> E.164 numbers on that list; `recordCount` of the list follows its size. */
  dncNumbers: Map<string, Set<string>>;
  agents: Agent[];
  subscriptions: Map<string, StoredWebhookSubscription>;
}

export interface DemoTenantStats {
  requests: number;
  byStatus: Record<number, number>;
  rateLimited: number;
}

/** A request as the tenant first sees it, before rate limit, faults or latency. */
export interface DemoRequestArrival {
  method: string;
  /** Path and query, as sent. */
  path: string;
  /** Epoch milliseconds on this process's clock. */
  at: number;
}

export interface DemoTenantHandle {
  url: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  limitedClient: DemoCredentials;
  state: DemoTenantState;
  stats(): DemoTenantStats;
  resetStats(): void;
  /** Hears every request the moment it arrives (server-side times for benchmarks); returns the unsubscribe. */
  onRequest(listener: (arrival: DemoRequestArrival) => void): () => void;
  setKnobs(knobs: DemoKnobs): void;
  injectFaults(...faults: DemoFault[]): void;
  revokeAllTokens(): void;
  /** Replaces what the alerts feed serves; null goes back to the scripted weather. */
  setWeatherAlerts(alerts: DemoWeatherAlert[] | null): void;
  tick(): void;
  close(): Promise<void>;
}
