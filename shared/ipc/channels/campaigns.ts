import * as z from 'zod';
import { campaignSchema } from '../../cxone/schemas';
import { campaignSnapshotSchema } from '../../campaigns/campaign-snapshot';
import { emergencyRunSchema, emergencyStateSchema, statusChangeResultSchema } from '../../campaigns/status-change';
import { requestChannel } from '../define';

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
