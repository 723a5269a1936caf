import type { WebhookChannel } from '../../shared/ipc/channels/outbox';

/** The vault reference each receiver's signing secret is stored under. */
export const webhookSecretRefs: Record<WebhookChannel, string> = {
  crm: 'webhook:crm',
  wfm: 'webhook:wfm',
  marketing: 'webhook:marketing',
};
