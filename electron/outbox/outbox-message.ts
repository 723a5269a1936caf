import * as z from 'zod';
import { webhookChannelSchema } from '../../shared/outbox/outbox-status';

export const outboxStates = ['pending', 'delivered', 'dead'] as const;
export type OutboxState = (typeof outboxStates)[number];

export const deliveryErrorSchema = z.object({
  message: z.string(),
  /** HTTP status of the last answer, when there was one. */
  status: z.number().int().optional(),
});
export type DeliveryError = z.infer<typeof deliveryErrorSchema>;

/** One message as stored in `<dir>/messages/<id>.json`. Holds a secret reference, never the secret. */
export const outboxMessageSchema = z.object({
  id: z.string(),
  channel: webhookChannelSchema,
  url: z.string(),
  /** Names the signing secret; resolved through `resolveSecret` at each delivery. */
  secretRef: z.string(),
  /** The exact bytes POSTed and signed, fixed at enqueue so every retry sends the same body. */
  body: z.string(),
  dedupeKey: z.string().optional(),
  state: z.enum(outboxStates),
  attempts: z.number().int().nonnegative(),
  createdAt: z.string(),
  /** Epoch milliseconds of the next delivery attempt (pending messages only). */
  nextAttemptAt: z.number(),
  lastAttemptAt: z.string().optional(),
  lastError: deliveryErrorSchema.optional(),
  deliveredAt: z.string().optional(),
  deadAt: z.string().optional(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
