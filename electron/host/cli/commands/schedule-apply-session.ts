import { join } from 'node:path';
import { operatorActor } from '../../../app/operator-actor';
import { cliAuditLogOptions } from '../../../audit/audit-env';
import { createAuditLog } from '../../../audit/audit-log';
import { createOutbox } from '../../../outbox/outbox';
import { webhookSecretRefs } from '../../../outbox/webhook-secrets';
import { blackoutDatesIn, blackoutTenantKey } from '../../../schedules/blackout-dates';
import { createScheduleApplier, type ScheduleApplier } from '../../../schedules/schedule-applier';
import { wfmNotificationSink } from '../../../schedules/wfm-notification-sink';
import { checkedUrl, type CliContext } from '../cli-context';

const outboxDrainMs = 10_000;

export interface CliScheduleApplier {
  applier: ScheduleApplier;
  actor: ReturnType<typeof operatorActor>;
  close(): Promise<void>;
}

/**
 * The app's schedule applier, composed for one command: the environment's tenant, the data
 * folder's audit log, blackout dates and outbox (WFM notifications to CXONE_WFM_WEBHOOK_URL,
 * signed with CXONE_WFM_WEBHOOK_SECRET, when set).
 */
export async function openScheduleApplier(context: CliContext): Promise<CliScheduleApplier> {
  const dataDir = context.dataDir();
  const wfmUrl = context.io.env.CXONE_WFM_WEBHOOK_URL?.trim() ?? '';
  if (wfmUrl) checkedUrl('CXONE_WFM_WEBHOOK_URL', wfmUrl);
  const wfmSecret = context.io.env.CXONE_WFM_WEBHOOK_SECRET?.trim() ?? '';
  const connection = context.connect();
  const audit = await createAuditLog(cliAuditLogOptions(dataDir, context.io.env));
  const outbox = wfmUrl
    ? await createOutbox({ dir: join(dataDir, 'outbox'), resolveSecret: async (ref) => (ref === webhookSecretRefs.wfm && wfmSecret ? wfmSecret : null) })
    : null;
  outbox?.start();
  const applier = createScheduleApplier({
    ports: () => connection,
    tenantId: () => blackoutTenantKey(connection.profile),
    tenantLabel: () => connection.profile.label,
    audit,
    wfm: wfmNotificationSink({ outbox: () => outbox, wfmUrl: () => wfmUrl }),
    blackoutDates: blackoutDatesIn(join(dataDir, 'schedules')),
  });
  return {
    applier,
    actor: operatorActor(undefined, { env: context.io.env }),
    async close() {
      if (outbox) {
        await outbox.drain(AbortSignal.timeout(outboxDrainMs)).catch(() => undefined);
        await outbox.stop();
      }
      connection.close();
      await audit.close();
    },
  };
}
