import * as z from 'zod';
import { outboxStatsSchema, outboxStatusSchema, webhookChannelSchema } from '../../outbox/outbox-status';
import { requestChannel } from '../define';

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
