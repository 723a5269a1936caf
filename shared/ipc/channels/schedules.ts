import * as z from 'zod';
import { scheduleApplyResultSchema } from '../../schedules/schedule-apply-result';
import {
  campaignScheduleViewSchema,
  scheduleApplyRequestSchema,
  scheduleCheckRequestSchema,
  scheduleCheckResultSchema,
  scheduleConflictSchema,
  scheduledCampaignRowSchema,
} from '../../schedules/schedule-views';
import { staffingTimelineSchema } from '../../schedules/staffing-timeline';
import { requestChannel } from '../define';

const days = z.number().int().min(1).max(60).default(14);

export const schedulesRequestChannels = {
  /** Every campaign with its schedule in one line, for the screen's picker. */
  'schedules:list': requestChannel(z.object({}), z.array(scheduledCampaignRowSchema)),
  /** A campaign's schedule, blackout dates, the cron in plain language and the next 10 windows in its zone and the viewer's. */
  'schedules:get': requestChannel(z.object({ campaignId: z.string().min(1), viewerZone: z.string().default('UTC') }), campaignScheduleViewSchema),
  /** The compliance verdict for a proposed schedule over the campaign's own contacts and DNC settings. */
  'schedules:check': requestChannel(scheduleCheckRequestSchema, scheduleCheckResultSchema),
  /** Applies through the gate (optionally clipped, or a dry run), activates a draft (progress on runs:progress, kind 'schedule', runId `schedule:<campaignId>`), notifies the WFM and audits. */
  'schedules:apply': requestChannel(scheduleApplyRequestSchema, scheduleApplyResultSchema),
  'schedules:conflicts': requestChannel(z.object({ days }), z.array(scheduleConflictSchema)),
  /** Every campaign's windows over the coming days with the agents each needs, overloaded stretches marked. */
  'schedules:timeline': requestChannel(z.object({ days }), staffingTimelineSchema),
};
