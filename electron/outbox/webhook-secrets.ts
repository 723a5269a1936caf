import type { WebhookChannel } from '../../shared/outbox/outbox-status';

/** The vault reference each receiver's signing secret is stored under. */
export const webhookSecretRefs: Record<WebhookChannel, string> = {
  crm: 'webhook:crm',
  wfm: 'webhook:wfm',
  marketing: 'webhook:marketing',
};
