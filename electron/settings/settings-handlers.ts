import type { AuditActor } from '../../shared/audit/audit-entry';
import type { AuditWriter } from '../audit/audit-writer';
import type { RequestHandlers } from '../ipc/handlers';
import { auditWebhookUrlChanges } from '../security/security-audit';
import type { SettingsService } from './settings-service';

type SettingsChannel = Extract<keyof RequestHandlers, `settings:${string}`>;

export interface SettingsHandlerOptions {
  settings: Pick<SettingsService, 'get' | 'update' | 'problems'>;
  /** A changed webhook URL is an audit entry. */
  audit: AuditWriter;
  actor: AuditActor;
  tenantLabel: () => string;
}

/** The Settings screen: read, change (webhook URL changes audited), and which stored values are not valid. */
export function createSettingsHandlers(options: SettingsHandlerOptions): Pick<RequestHandlers, SettingsChannel> {
  const { settings, audit, actor: user } = options;
  return {
    'settings:get': async () => settings.get(),
    'settings:update': async (change) => {
      const before = settings.get();
      const after = settings.update(change);
      await auditWebhookUrlChanges(audit, user, options.tenantLabel(), before, after);
      return after;
    },
    'settings:problems': async () => settings.problems(),
  };
}
