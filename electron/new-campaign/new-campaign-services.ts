import type { AuditActor } from '../../shared/audit/audit-entry';
import { ConsoleFailure, consoleError } from '../../shared/errors';
import type { KeyValueStore } from '../settings/key-value-store';
import type { TenantConnection } from '../tenant/ports';
import type { AuditWriter } from '../audit/audit-writer';
import { createCampaignCreator } from './campaign-creator';
import type { OutboxEnqueue } from '../outbox/outbox';
import { createMarketingSync, type MarketingOutbox } from './marketing-sync';
import { newCampaignHandlers } from './new-campaign-handlers';
import { newCampaignTenantOf } from './tenant-adapter';
import { webhookSecretRefs } from '../outbox/webhook-secrets';

/** The vault reference of the secret marketing webhooks are signed with. */
export const marketingSecretRef = webhookSecretRefs.marketing;

export interface NewCampaignServiceOptions {
  connection: () => TenantConnection;
  tenantId: () => string;
  tenantLabel: () => string;
  audit: AuditWriter;
  store: KeyValueStore;
  marketingUrl: () => string;
  marketingSecret: () => Promise<string | null>;
  /** The app's one outbox; null while none is composed (marketing sync then reports it failed). */
  outbox: () => { enqueue(message: OutboxEnqueue): Promise<{ id: string }> } | null;
  /** Re-reads the campaign list so a created draft shows in it at once. */
  refreshCampaigns: () => Promise<unknown>;
  actor: AuditActor;
}

/** campaign.created goes out through the one outbox, signed with the marketing secret; one message per campaign. */
function marketingOutboxOf(options: NewCampaignServiceOptions): MarketingOutbox {
  return {
    async enqueueCampaignCreated(body) {
      const outbox = options.outbox();
      if (!outbox) throw new ConsoleFailure(consoleError('configuration', 'The notification outbox is not running, so marketing was not notified.'));
      return outbox.enqueue({
        channel: 'marketing',
        url: options.marketingUrl(),
        secretRef: marketingSecretRef,
        body,
        dedupeKey: `campaign.created ${options.tenantId()} ${body.campaignId}`,
      });
    },
  };
}

/** Composes the wizard's services over the live connection and returns its request handlers. */
export function createNewCampaignHandlers(options: NewCampaignServiceOptions) {
  const tenant = () => newCampaignTenantOf(options.connection());
  const creator = createCampaignCreator({
    tenant,
    tenantLabel: options.tenantLabel,
    audit: options.audit,
    syncMarketing: createMarketingSync({
      store: options.store,
      url: options.marketingUrl,
      secret: options.marketingSecret,
      tenantId: options.tenantId,
      outbox: marketingOutboxOf(options),
    }),
    onCreated: async () => {
      await options.refreshCampaigns();
    },
  });
  return newCampaignHandlers({ tenant, creator, actor: options.actor });
}
