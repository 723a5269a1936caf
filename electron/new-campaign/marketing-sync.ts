import * as z from 'zod';
import type { Campaign } from '../../shared/cxone/schemas';
import { toConsoleError } from '../../shared/errors';
import type { MarketingSync } from '../../shared/new-campaign/creation';
import type { KeyValueStore } from '../settings/key-value-store';
import type { NewCampaignTenant } from './new-campaign-tenant';

/** Where a signed notification is handed over for at-least-once delivery (contract §5). */
export interface MarketingOutbox {
  enqueueCampaignCreated(body: { event: 'campaign.created'; campaignId: string; name: string; createdAt: string }): Promise<{ id: string }>;
}

export interface MarketingSyncOptions {
  store: KeyValueStore;
  /** The marketing webhook URL from settings ('' when none is configured). */
  url: () => string;
  /** The marketing webhook secret from the vault (null when none is configured). */
  secret: () => Promise<string | null>;
  /** Identifies the tenant the subscription lives on. */
  tenantId: () => string;
  outbox: MarketingOutbox;
}

const subscriptionsKey = 'newCampaign.marketingSubscriptions';
const knownSubscriptionsSchema = z.record(z.string(), z.string());

/**
 * Registers the tenant's webhook subscription for campaign events (§4.8) once per tenant
 * and URL, then queues the console's own `campaign.created` notification in the outbox.
 */
export function createMarketingSync(options: MarketingSyncOptions) {
  const known = () => {
    const parsed = knownSubscriptionsSchema.safeParse(options.store.get(subscriptionsKey) ?? {});
    return parsed.success ? parsed.data : {};
  };

  return async function syncCampaignCreated(tenant: NewCampaignTenant, campaign: Campaign): Promise<MarketingSync> {
    const url = options.url();
    if (url === '') return { status: 'skipped', reason: 'No marketing webhook URL is set; add one in Settings to notify marketing automation.' };
    const secret = await options.secret();
    if (!secret) return { status: 'skipped', reason: 'No marketing webhook secret is set; add one in Settings so notifications can be signed.' };
    try {
      const key = `${options.tenantId()} ${url}`;
      const subscriptions = known();
      let subscriptionId = subscriptions[key];
      let subscriptionCreated = false;
      if (!subscriptionId) {
        const subscription = await tenant.subscribeWebhook({
          name: 'cxone-console marketing sync',
          url,
          events: ['campaign.created', 'campaign.status_changed'],
          active: true,
          secret,
        });
        subscriptionId = subscription.id;
        subscriptionCreated = true;
        options.store.set(subscriptionsKey, { ...subscriptions, [key]: subscriptionId });
      }
      const notification = await options.outbox.enqueueCampaignCreated({
        event: 'campaign.created',
        campaignId: campaign.id,
        name: campaign.name,
        createdAt: campaign.createdAt,
      });
      return { status: 'queued', subscriptionId, subscriptionCreated, notificationId: notification.id };
    } catch (thrown) {
      return { status: 'failed', error: toConsoleError(thrown) };
    }
  };
}
export type SyncCampaignCreated = ReturnType<typeof createMarketingSync>;
