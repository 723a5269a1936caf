import * as z from 'zod';

/** The three receivers of contract §5: marketing `campaign.created`, WFM `CAMPAIGN_SCHEDULE_UPDATED`, CRM `DISPOSITION_UPDATE`. */
export const webhookChannels = ['crm', 'wfm', 'marketing'] as const;
export const webhookChannelSchema = z.enum(webhookChannels);
export type WebhookChannel = z.infer<typeof webhookChannelSchema>;

export const outboxStatsSchema = z.object({
  pending: z.number().int().nonnegative(),
  delivered: z.number().int().nonnegative(),
  dead: z.number().int().nonnegative(),
});
export type OutboxStats = z.infer<typeof outboxStatsSchema>;

/** Whether each receiver can be reached: a URL in settings and a signing secret in the vault. The secret itself never crosses IPC. */
export const webhookSetupSchema = z.object({
  channel: webhookChannelSchema,
  urlConfigured: z.boolean(),
  secretConfigured: z.boolean(),
});

export const undeliverableMessageSchema = z.object({
  id: z.string(),
  channel: webhookChannelSchema,
  url: z.string(),
  attempts: z.number().int().nonnegative(),
  createdAt: z.string(),
  deadAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

export const outboxStatusSchema = z.object({
  stats: outboxStatsSchema,
  webhooks: z.array(webhookSetupSchema),
  /** Messages that ran out of attempts, oldest first: a person decides whether to send them again. */
  undeliverable: z.array(undeliverableMessageSchema),
});
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;
