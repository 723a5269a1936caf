import { z } from 'zod';
import { campaignSchema } from '../../cxone/schemas';
import { emergencyRunSchema, emergencyStateSchema, statusChangeResultSchema } from '../../campaigns/status-change';
import { consoleErrorSchema } from '../../errors';
import { requestChannel } from '../define';

/** A status change the console asked for and the tenant has not confirmed yet. */
export const pendingChangeSchema = z.object({ target: z.enum(['running', 'paused', 'completed']), since: z.string() });

export const campaignSnapshotSchema = z.object({
  campaigns: z.array(campaignSchema),
  /** When the list was last read completely from the tenant (null: never). */
  fetchedAt: z.string().nullable(),
  /** The last refresh's failure; the list shown is then as of fetchedAt, and the screen says so. */
  error: consoleErrorSchema.nullable(),
  refreshing: z.boolean(),
  pending: z.record(z.string(), pendingChangeSchema),
});
export type CampaignSnapshot = z.infer<typeof campaignSnapshotSchema>;

export const campaignsRequestChannels = {
  'campaigns:snapshot': requestChannel(z.object({}), campaignSnapshotSchema),
  'campaigns:refresh': requestChannel(z.object({}), campaignSnapshotSchema),
  'campaigns:get': requestChannel(z.object({ id: z.string().min(1) }), campaignSchema),
  'campaigns:setStatus': requestChannel(
    z.object({
      ids: z.array(z.string().min(1)).min(1).max(10_000),
      status: z.enum(['running', 'paused']),
      /** Chosen by the caller so it can follow progress and cancel before the answer arrives. */
      actionId: z.string().min(1).max(100).optional(),
    }),
    z.array(statusChangeResultSchema),
  ),
  'campaigns:cancelAction': requestChannel(z.object({ actionId: z.string().min(1).max(100) }), z.object({ cancelled: z.boolean() })),
  'campaigns:emergencyPause': requestChannel(z.object({}), emergencyRunSchema),
  'campaigns:resumeEmergency': requestChannel(z.object({}), emergencyRunSchema),
  'campaigns:cancelEmergency': requestChannel(z.object({}), z.object({ cancelled: z.boolean() })),
  'campaigns:emergencyState': requestChannel(z.object({}), emergencyStateSchema),
};

export const campaignsEventChannels = {
  'campaigns:changed': campaignSnapshotSchema,
  'campaigns:emergencyChanged': emergencyStateSchema,
};
