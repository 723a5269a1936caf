import { webhookChannels, type OutboxStatus, type WebhookChannel } from '../../shared/outbox/outbox-status';
import type { ConsoleSettings } from '../../shared/settings/console-settings';
import type { RequestHandlers } from '../ipc/handlers';
import type { CredentialVault } from '../vault/credential-vault';
import type { Outbox } from './outbox';
import { webhookSecretRefs } from './webhook-secrets';

const urlOf: Record<WebhookChannel, (settings: ConsoleSettings) => string> = {
  crm: (s) => s.crmWebhookUrl,
  wfm: (s) => s.wfmWebhookUrl,
  marketing: (s) => s.marketingWebhookUrl,
};

type OutboxHandlers = Pick<RequestHandlers, 'outbox:status' | 'outbox:setSecret' | 'outbox:retryDead'>;

/** Settings' notification panel: which receivers are set up, signing secrets into the vault, undeliverable messages. */
export function createOutboxHandlers(options: { outbox: Outbox; vault: CredentialVault; settings: () => ConsoleSettings }): OutboxHandlers {
  const status = async (): Promise<OutboxStatus> => {
    const settings = options.settings();
    const webhooks = await Promise.all(
      webhookChannels.map(async (channel) => ({
        channel,
        urlConfigured: urlOf[channel](settings) !== '',
        secretConfigured: await options.vault.has(webhookSecretRefs[channel]),
      })),
    );
    const undeliverable = options.outbox.list({ state: 'dead' }).map((message) => ({
      id: message.id,
      channel: message.channel,
      url: message.url,
      attempts: message.attempts,
      createdAt: message.createdAt,
      deadAt: message.deadAt ?? null,
      lastError: message.lastError ? `${message.lastError.status ? `HTTP ${message.lastError.status}: ` : ''}${message.lastError.message}` : null,
    }));
    return { stats: options.outbox.stats(), webhooks, undeliverable };
  };
  return {
    'outbox:status': status,
    'outbox:setSecret': async ({ channel, secret }) => {
      if (secret === null) await options.vault.delete(webhookSecretRefs[channel]);
      else await options.vault.set(webhookSecretRefs[channel], secret);
      return status();
    },
    'outbox:retryDead': async ({ id }) => ({ retried: await options.outbox.retryDead(id) }),
  };
}
