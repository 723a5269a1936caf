import type { AuditActor } from '../../shared/audit/audit-entry';
import type { ConsoleSettings } from '../../shared/settings/console-settings';
import type { AuditLog } from '../audit/audit-log';
import type { AuditWriter } from '../audit/audit-writer';
import type { RequestHandlers } from '../ipc/handlers';
import { knownSecrets } from './known-secrets';

/** The audit writer with every entry redacted by value first: a reason quoting a tenant's echo cannot carry a secret. */
export function redactingAudit(audit: AuditLog): AuditLog {
  return { ...audit, append: (entry) => audit.append(knownSecrets.redact(entry)) };
}

const webhookUrlSettings = ['crmWebhookUrl', 'wfmWebhookUrl', 'marketingWebhookUrl'] as const;

/** Where notifications go is security-relevant: every changed webhook URL is an audit entry. */
export async function auditWebhookUrlChanges(
  audit: AuditWriter,
  actor: AuditActor,
  tenant: string,
  before: ConsoleSettings,
  after: ConsoleSettings,
): Promise<void> {
  for (const setting of webhookUrlSettings) {
    if (before[setting] === after[setting]) continue;
    await audit.append({
      actor,
      tenant,
      action: 'settings.webhook_url_change',
      target: { type: 'setting', id: setting },
      before: { url: before[setting] },
      after: { url: after[setting] },
      outcome: 'success',
    });
  }
}

type SecretChannels = Pick<RequestHandlers, 'outbox:setSecret'>;

/** A webhook signing secret set or removed is an audit entry; the entry says which, never the value. */
export function auditedSecretChanges<H extends SecretChannels>(handlers: H, audit: AuditWriter, actor: AuditActor, tenant: () => string): H {
  return {
    ...handlers,
    'outbox:setSecret': async (request) => {
      const status = await handlers['outbox:setSecret'](request);
      await audit.append({
        actor,
        tenant: tenant(),
        action: request.secret === null ? 'webhook.secret_remove' : 'webhook.secret_change',
        target: { type: 'webhook', id: request.channel },
        outcome: 'success',
      });
      return status;
    },
  };
}
