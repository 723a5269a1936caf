import type {
  Agent,
  Campaign,
  CampaignDefinition,
  CampaignReplacement,
  CampaignStatus,
  Contact,
  ContactList,
  ContactState,
  DispositionPatch,
  DncList,
  RequestedStatus,
  WebhookSubscription,
  WebhookSubscriptionRequest,
  WrapUpCode,
} from '../../shared/cxone/schemas';
import type { TenantProfileSummary } from '../../shared/tenant-profile';
import type { RateLimiterView } from './rate-limiter';
import type { RequestLog } from './request-log';

/*
 * The tenant capabilities services depend on. Services never see URLs: an adapter
 * (the contract client, the CXone Admin API) implements these.
 * Every method rejects with a ConsoleFailure carrying a typed ConsoleError.
 */

export interface CampaignListQuery {
  status?: CampaignStatus;
  /** The tenant's name filter, which may match substrings. */
  name?: string;
  pageSize?: number;
}

/** Why a status is being changed: an emergency pause may stop harder than a pause (Admin API: the forced stop, when the lead chose it). */
export interface StatusChangeIntent {
  urgency?: 'emergency';
}

export interface CampaignsPort {
  list(query?: CampaignListQuery, signal?: AbortSignal): AsyncIterable<Campaign>;
  get(id: string, signal?: AbortSignal): Promise<Campaign>;
  create(definition: CampaignDefinition, signal?: AbortSignal): Promise<Campaign>;
  replace(id: string, replacement: CampaignReplacement, signal?: AbortSignal): Promise<Campaign>;
  /** `intent` is a hint an adapter may ignore (the contract adapter does: its pause is one thing). */
  setStatus(id: string, status: RequestedStatus, signal?: AbortSignal, intent?: StatusChangeIntent): Promise<Campaign>;
}

export interface ContactListQuery {
  state?: ContactState;
  pageSize?: number;
}

export interface ContactsPort {
  list(campaignId: string, query?: ContactListQuery, signal?: AbortSignal): AsyncIterable<Contact>;
  get(campaignId: string, contactId: string, signal?: AbortSignal): Promise<Contact>;
  applyDisposition(campaignId: string, contactId: string, patch: DispositionPatch, signal?: AbortSignal): Promise<Contact>;
}

export interface ReferenceDataPort {
  contactLists(signal?: AbortSignal): AsyncIterable<ContactList>;
  contactList(id: string, signal?: AbortSignal): Promise<ContactList>;
  wrapUpCodes(signal?: AbortSignal): AsyncIterable<WrapUpCode>;
  wrapUpCode(id: string, signal?: AbortSignal): Promise<WrapUpCode>;
  /**
   * The outcome codes a disposition file may use, where they are more than the wrap-up codes'
   * own (the Admin API: its dispositions' names plus the codes mapped to them in Settings).
   */
  outcomeCodes?(signal?: AbortSignal): Promise<string[]>;
  dncLists(signal?: AbortSignal): AsyncIterable<DncList>;
  dncList(id: string, signal?: AbortSignal): Promise<DncList>;
  /** False when the number is not on the list; rejects with not_found when the list itself does not exist. */
  isOnDncList(listId: string, e164: string, signal?: AbortSignal): Promise<boolean>;
}

export interface RealtimeAgentsPort {
  agents(signal?: AbortSignal): AsyncIterable<Agent>;
}

export interface WebhookSubscriptionsPort {
  create(request: WebhookSubscriptionRequest, signal?: AbortSignal): Promise<WebhookSubscription>;
}

export interface TenantConnection {
  profile: TenantProfileSummary;
  campaigns: CampaignsPort;
  contacts: ContactsPort;
  referenceData: ReferenceDataPort;
  realtimeAgents: RealtimeAgentsPort;
  webhooks: WebhookSubscriptionsPort;
  /** Every attempt against the tenant, secrets redacted, for diagnostics. */
  requestLog: RequestLog;
  /** The connection's one rate limiter: current rate, in-flight, recent 429s. */
  limiter: RateLimiterView;
  /**
   * Starts fetching a token now, for a caller about to make its first request after other work
   * (the command line compiling the command's code meanwhile). Failures are left to that request.
   */
  prepare?(): void;
  /** Stops pending waits; later calls reject with a configuration error. */
  close(): void;
}
