import * as z from 'zod';

/**
 * The reconciled CXone Outbound contract (../shared/cxone-contract.md) as zod schemas.
 * Objects are non-strict: unknown extra fields from a tenant are tolerated, missing
 * required ones fail with the field's path.
 */

export const dialerTypes = ['predictive', 'progressive', 'power', 'preview'] as const;
export const dialerTypeSchema = z.enum(dialerTypes);
export type DialerType = z.infer<typeof dialerTypeSchema>;

export const campaignStatuses = ['draft', 'activating', 'running', 'paused', 'completed', 'failed'] as const;
export const campaignStatusSchema = z.enum(campaignStatuses);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

/** Statuses a client may ask for with PATCH. */
export const requestedStatuses = ['running', 'paused', 'completed'] as const;
export const requestedStatusSchema = z.enum(requestedStatuses);
export type RequestedStatus = z.infer<typeof requestedStatusSchema>;

export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const retryPolicySchema = z.object({
  maxAttempts: z.number().int().min(1).max(20),
  retryIntervalMs: z.number().int().min(0),
  retryOnBusy: z.boolean(),
  retryOnNoAnswer: z.boolean(),
});
export type RetryPolicy = z.infer<typeof retryPolicySchema>;

export const scheduleSchema = z.object({
  timezone: z.string().min(1),
  cronExpression: z.string().min(1),
  /** How long each calling window stays open (contract §4.1: 1..1440, default 480); the range is a 422, not a 400. */
  windowMinutes: z.number().int().optional(),
  startTime: isoDateTimeSchema,
  endTime: isoDateTimeSchema,
  retryPolicy: retryPolicySchema,
});
export type Schedule = z.infer<typeof scheduleSchema>;
export const defaultWindowMinutes = 480;
export const maxWindowMinutes = 1440;

export const suppressionRuleSchema = z.object({
  type: z.enum(['dnc', 'do_not_call_list']),
  enabled: z.boolean(),
});
export type SuppressionRule = z.infer<typeof suppressionRuleSchema>;

export const dncRuleTypes = ['FCC_MIN_TIME', 'FCC_MAX_TIME', 'STATE_DNC', 'INTERNAL_DNC'] as const;
export const dncRuleSchema = z.object({ type: z.enum(dncRuleTypes) });
export type DncRule = z.infer<typeof dncRuleSchema>;

export const campaignRulesSchema = z.object({
  maxConcurrentCalls: z.number().int().min(0),
});

/** Fields a client writes (POST body, PUT body minus id/version/status). */
export const campaignDefinitionSchema = z.object({
  name: z.string().min(1).max(128),
  dialerType: dialerTypeSchema,
  contactListId: z.string().min(1),
  wrapUpCodeIds: z.array(z.string().min(1)),
  maxCallsPerHour: z.number().int().min(0),
  agentAllocation: z.number().int().min(0),
  suppressionRules: z.array(suppressionRuleSchema),
  dncListId: z.string().min(1).nullable(),
  dncRules: z.array(dncRuleSchema),
  schedule: scheduleSchema.nullable(),
  rules: campaignRulesSchema,
  customAttributes: z.record(z.string(), z.string()),
});
export type CampaignDefinition = z.infer<typeof campaignDefinitionSchema>;

export const campaignSchema = campaignDefinitionSchema.extend({
  id: z.string().min(1),
  status: campaignStatusSchema,
  version: z.number().int().min(0),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type Campaign = z.infer<typeof campaignSchema>;

/** PUT body: the full definition plus the version that was read. */
export const campaignReplacementSchema = campaignDefinitionSchema.extend({
  version: z.number().int().min(0),
});
export type CampaignReplacement = z.infer<typeof campaignReplacementSchema>;

export const statusChangeSchema = z.object({ status: requestedStatusSchema });

export const contactStates = ['PENDING', 'DIALING', 'RINGING', 'CONNECTED', 'WRAP_UP', 'DONE'] as const;
export const contactStateSchema = z.enum(contactStates);
export type ContactState = z.infer<typeof contactStateSchema>;
/** States in which the dialer owns the contact: a disposition PATCH is refused with CONTACT_BUSY. */
export const busyContactStates: readonly ContactState[] = ['DIALING', 'RINGING', 'CONNECTED', 'WRAP_UP'];

export const outcomeCodePattern = /^[A-Z_]{3,20}$/;
export const defaultOutcomeMatrix = ['INTERESTED', 'NOT_INTERESTED', 'CALLBACK_LATER', 'DO_NOT_CALL', 'NO_ANSWER', 'BUSY'] as const;
export const outcomeCodeSchema = z.string().regex(outcomeCodePattern, 'must be 3–20 capital letters or underscores');

export const e164Pattern = /^\+[1-9]\d{6,14}$/;

export const contactSchema = z.object({
  id: z.string().min(1),
  campaignId: z.string().min(1),
  phone: z.string(),
  timezone: z.string(),
  state: contactStateSchema,
  outcomeCode: z.string().nullable(),
  agentId: z.string().nullable(),
  dispositionTimestamp: isoDateTimeSchema.nullable(),
  version: z.number().int().min(0),
});
export type Contact = z.infer<typeof contactSchema>;

export const dispositionPatchSchema = z.object({
  outcomeCode: outcomeCodeSchema,
  agentId: z.string().min(1),
  notes: z.string().max(4000).optional(),
  dispositionTimestamp: isoDateTimeSchema,
  customFields: z.record(z.string(), z.string()).optional(),
});
export type DispositionPatch = z.infer<typeof dispositionPatchSchema>;

export const contactListSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  recordCount: z.number().int().min(0),
  timezoneField: z.string().nullable().optional(),
  createdAt: isoDateTimeSchema,
});
export type ContactList = z.infer<typeof contactListSchema>;

export const wrapUpCodeSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  outcomeCode: z.string(),
});
export type WrapUpCode = z.infer<typeof wrapUpCodeSchema>;

export const dncListSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  state: z.enum(['ACTIVE', 'INACTIVE']),
  recordCount: z.number().int().min(0),
});
export type DncList = z.infer<typeof dncListSchema>;

export const agentStates = ['available', 'on_call', 'wrap_up', 'unavailable', 'logged_out'] as const;
export const agentStateSchema = z.enum(agentStates);
export type AgentState = z.infer<typeof agentStateSchema>;

export const agentSchema = z.object({
  userId: z.string().min(1),
  name: z.string(),
  state: agentStateSchema,
  queueId: z.string().nullable().optional(),
  skills: z.array(z.string()),
  stateSince: isoDateTimeSchema,
});
export type Agent = z.infer<typeof agentSchema>;

export const webhookEvents = ['campaign.created', 'campaign.status_changed'] as const;
export const webhookSubscriptionRequestSchema = z.object({
  name: z.string().min(1),
  url: z.url(),
  events: z.array(z.enum(webhookEvents)).min(1),
  active: z.boolean(),
  secret: z.string().min(1),
});
export type WebhookSubscriptionRequest = z.infer<typeof webhookSubscriptionRequestSchema>;
export const webhookSubscriptionSchema = webhookSubscriptionRequestSchema.omit({ secret: true }).extend({ id: z.string().min(1) });
export type WebhookSubscription = z.infer<typeof webhookSubscriptionSchema>;

/** Page-style pagination envelope (§2). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    total: z.number().int().min(0),
    pageCount: z.number().int().min(0),
    entities: z.array(item),
  });
export const maxPageSize = 500;

/** Token-style pagination envelope (§2). */
export const tokenPageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextPageToken: z.string().nullable().optional(),
  });

export const apiErrorBodySchema = z.object({
  errors: z.array(
    z.object({
      code: z.string(),
      message: z.string(),
      path: z.string().optional(),
    }),
  ),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
  scope: z.string().optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const contractScopes = [
  'outbound:campaign:read',
  'outbound:campaign:write',
  'outbound:contact:write',
  'outbound:disposition:write',
  'outbound:dnc:read',
  'outbound:contactlist:read',
  'realtime:read',
  'webhook:write',
] as const;
export type ContractScope = (typeof contractScopes)[number];

/** Tenant error codes the console reacts to. */
export const conflictCodes = ['INVALID_TRANSITION', 'STALE_VERSION', 'CONTACT_BUSY'] as const;
export type ConflictCode = (typeof conflictCodes)[number];

export const contractPaths = {
  campaigns: '/api/v2/outbound/campaigns',
  campaign: (id: string) => `/api/v2/outbound/campaigns/${encodeURIComponent(id)}`,
  contacts: (campaignId: string) => `/api/v2/outbound/campaigns/${encodeURIComponent(campaignId)}/contacts`,
  contact: (campaignId: string, contactId: string) => `/api/v2/outbound/campaigns/${encodeURIComponent(campaignId)}/contacts/${encodeURIComponent(contactId)}`,
  contactLists: '/api/v2/outbound/contact-lists',
  contactList: (id: string) => `/api/v2/outbound/contact-lists/${encodeURIComponent(id)}`,
  wrapUpCodes: '/api/v2/outbound/wrap-up-codes',
  wrapUpCode: (id: string) => `/api/v2/outbound/wrap-up-codes/${encodeURIComponent(id)}`,
  dncLists: '/api/v2/outbound/dnc-lists',
  dncList: (id: string) => `/api/v2/outbound/dnc-lists/${encodeURIComponent(id)}`,
  dncNumber: (id: string, e164: string) => `/api/v2/outbound/dnc-lists/${encodeURIComponent(id)}/numbers/${encodeURIComponent(e164)}`,
  realtimeAgents: '/api/v2/realtime/agents',
  webhooks: '/api/v2/webhooks',
  defaultTokenPath: '/oauth2/token',
} as const;
