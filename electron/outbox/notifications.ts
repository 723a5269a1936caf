import { ConsoleFailure, consoleError } from '../../shared/errors';
import type { Outbox } from './outbox';
import type { WebhookChannel } from '../../shared/outbox/outbox-status';

/** Bodies of contract §5. */
export interface CampaignCreatedNotification {
  event: 'campaign.created';
  campaignId: string;
  name: string;
  createdAt: string;
}

export interface ScheduleUpdatedNotification {
  eventType: 'CAMPAIGN_SCHEDULE_UPDATED';
  campaignId: string;
  activationLatencyMs: number;
  timestamp: string;
  conflictsDetected: boolean;
}

export interface DispositionUpdateNotification {
  event: 'DISPOSITION_UPDATE';
  source: 'cxone-console';
  data: { contactId: string; campaignId: string; outcomeCode: string; agentId: string; status: string; latencyMs: number; timestamp: string };
}

/** Where a channel's notifications go: the URL from settings and the vault name of its secret. */
export interface NotificationTarget {
  url: string;
  secretRef: string;
}

/**
 * The three notifications over the one outbox, for the composition root to hand to features.
 * `targetOf` reads the current settings; a channel without a URL is not `enabled`, and
 * enqueueing on it fails with a configuration error that says what to set.
 */
export function createNotifications(outbox: Pick<Outbox, 'enqueue'>, targetOf: (channel: WebhookChannel) => NotificationTarget | null) {
  const send = async (channel: WebhookChannel, body: unknown, dedupeKey?: string) => {
    const target = targetOf(channel);
    if (!target || target.url === '') {
      throw new ConsoleFailure(consoleError('configuration', `No ${channel} webhook URL is set; add one in Settings to send this notification.`));
    }
    return outbox.enqueue({ channel, url: target.url, secretRef: target.secretRef, body, ...(dedupeKey === undefined ? {} : { dedupeKey }) });
  };
  return {
    enabled: (channel: WebhookChannel) => {
      const target = targetOf(channel);
      return target !== null && target.url !== '';
    },
    /** One per campaign id, however often it is called. */
    enqueueCampaignCreated: (body: CampaignCreatedNotification) => send('marketing', body, `campaign.created ${body.campaignId}`),
    enqueueScheduleUpdated: (body: ScheduleUpdatedNotification, dedupeKey?: string) => send('wfm', body, dedupeKey),
    /** `dedupeKey` (e.g. import job + row) keeps a resumed import from notifying twice. */
    enqueueDispositionUpdate: (body: DispositionUpdateNotification, dedupeKey: string) => send('crm', body, dedupeKey),
  };
}
export type Notifications = ReturnType<typeof createNotifications>;
