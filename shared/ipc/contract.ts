import type { z } from 'zod';
import { appRequestChannels } from './channels/app';
import { automationEventChannels, automationRequestChannels } from './channels/automation';
import { auditEventChannels, auditRequestChannels } from './channels/audit';
import { campaignsEventChannels, campaignsRequestChannels } from './channels/campaigns';
import { dispositionsEventChannels, dispositionsRequestChannels } from './channels/dispositions';
import { newCampaignRequestChannels } from './channels/new-campaign';
import { outboxEventChannels, outboxRequestChannels } from './channels/outbox';
import { schedulesRequestChannels } from './channels/schedules';
import { runsEventChannels } from './channels/runs';
import { settingsEventChannels, settingsRequestChannels } from './channels/settings';
import { tenantEventChannels, tenantRequestChannels } from './channels/tenant';
import type { RequestChannelSpec } from './define';
import type { EventChannelName, RequestChannelName } from './channel-names';

/**
 * The one IPC contract. Each feature declares its channels in channels/<feature>.ts;
 * this map merges them. Main validates every request against it at run time.
 */
export const requestChannels = {
  ...appRequestChannels,
  ...tenantRequestChannels,
  ...settingsRequestChannels,
  ...campaignsRequestChannels,
  ...dispositionsRequestChannels,
  ...newCampaignRequestChannels,
  ...auditRequestChannels,
  ...outboxRequestChannels,
  ...schedulesRequestChannels,
  ...automationRequestChannels,
} satisfies Record<RequestChannelName, RequestChannelSpec>;

/** Main → renderer pushes: progress, live updates. */
export const eventChannels = {
  ...tenantEventChannels,
  ...settingsEventChannels,
  ...campaignsEventChannels,
  ...dispositionsEventChannels,
  ...auditEventChannels,
  ...outboxEventChannels,
  ...runsEventChannels,
  ...automationEventChannels,
} satisfies Record<EventChannelName, z.ZodType>;

export type RequestChannels = typeof requestChannels;
export type EventChannels = typeof eventChannels;
export type RequestOf<K extends RequestChannelName> = z.input<RequestChannels[K]['request']>;
export type ParsedRequestOf<K extends RequestChannelName> = z.output<RequestChannels[K]['request']>;
export type ResponseOf<K extends RequestChannelName> = z.output<RequestChannels[K]['response']>;
export type EventOf<K extends EventChannelName> = z.output<EventChannels[K]>;

// Compile-time check that the name lists (used by the tiny preload) match the map exactly.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const channelNamesMatch: Exact<keyof typeof requestChannels, RequestChannelName> & Exact<keyof typeof eventChannels, EventChannelName> = true;
