import { z } from 'zod';
import { requestChannel } from '../define';

/** The three receivers of contract §5. */
export const webhookChannels = ['crm', 'wfm', 'marketing'] as const;
export const webhookChannelSchema = z.enum(webhookChannels);
export type WebhookChannel = z.infer<typeof webhookChannelSchema>;

export const outboxStatsSchema = z.object({
  pending: z.number().int().nonnegative(),
  delivered: z.number().int().nonnegative(),
  dead: z.number().int().nonnegative(),
});

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

export const outboxRequestChannels = {
  'outbox:status': requestChannel(z.object({}), outboxStatusSchema),
  'outbox:setSecret': requestChannel(
    z.object({ channel: webhookChannelSchema, secret: z.string().trim().min(8, 'A signing secret needs at least 8 characters.').max(512).nullable() }),
    outboxStatusSchema,
  ),
  'outbox:retryDead': requestChannel(z.object({ id: z.string().min(1) }), z.object({ retried: z.boolean() })),
};

export const outboxEventChannels = {
  'outbox:changed': outboxStatsSchema,
};
