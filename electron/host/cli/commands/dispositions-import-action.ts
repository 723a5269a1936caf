import { join } from 'node:path';
import { operatorName } from '../../../app/operator-actor';
import { cliAuditLogOptions } from '../../../audit/audit-env';
import { createAuditLog } from '../../../audit/audit-log';
import { runCliImport } from '../../../dispositions/import/cli-import';
import { crmSecretRef, importNotificationSink, importSuppressionSink } from '../../../dispositions/import/import-services';
import { createOutbox } from '../../../outbox/outbox';
import { createSuppressionList } from '../../../suppression/suppression-list';
import { checkedUrl, type CliContext } from '../cli-context';
import { describeOutcomeMappingSource, outcomeMappingPlaces } from '../outcome-mapping';
import { connectDispositionTenant } from './disposition-tenant';

/** How long the command waits for CRM notifications to be delivered before it ends. */
const outboxDrainMs = 10_000;

export interface ImportFlags {
  dryRun?: boolean;
  json?: boolean;
  concurrency?: number;
  maxRps?: number;
  reimport?: boolean;
  retryBusy?: boolean;
  busyWait?: number;
  exportUnapplied?: string;
}

/** `dispositions import <file.csv>`: the app's import engine over the tenant the environment names. */
export async function runDispositionsImport(file: string, flags: ImportFlags, context: CliContext) {
  const dataDir = context.dataDir();
  const crmUrl = context.io.env.CXONE_CRM_WEBHOOK_URL?.trim() ?? '';
  if (crmUrl) checkedUrl('CXONE_CRM_WEBHOOK_URL', crmUrl);
  const audit = await createAuditLog(cliAuditLogOptions(dataDir, context.io.env));
  const suppression = await createSuppressionList({ dir: join(dataDir, 'suppression') });
  // CRM notifications when CXONE_CRM_WEBHOOK_URL is set: queued in the data folder's outbox, so
  // whatever is not delivered before the command ends goes out with the next outbox on that folder.
  const crmSecret = context.io.env.CXONE_CRM_WEBHOOK_SECRET?.trim() ?? '';
  const outbox = crmUrl
    ? await createOutbox({ dir: join(dataDir, 'outbox'), resolveSecret: async (ref) => (ref === crmSecretRef && crmSecret ? crmSecret : null) })
    : null;
  outbox?.start();
  try {
    return await runCliImport(
      file,
      {
        dryRun: flags.dryRun === true,
        json: flags.json === true,
        concurrency: flags.concurrency,
        maxRps: flags.maxRps,
        reimport: flags.reimport === true,
        retryBusy: flags.retryBusy === true,
        busyWaitSeconds: flags.busyWait,
        exportUnapplied: flags.exportUnapplied,
      },
      {
        dataDir,
        openTenant: async (limits) => {
          const { connection, mapping, written } = await connectDispositionTenant(context, limits);
          const outcomeMapping =
            connection.profile.adapter === 'cxone-admin'
              ? { source: written.source, description: describeOutcomeMappingSource(written.source), entries: mapping, mapIn: outcomeMappingPlaces }
              : undefined;
          return { connection, label: connection.profile.label, close: () => connection.close(), ...(outcomeMapping ? { outcomeMapping } : {}) };
        },
        audit,
        suppression: importSuppressionSink(suppression),
        notifications: importNotificationSink({ outbox: () => outbox, crmUrl: () => crmUrl }),
        actorName: operatorName({ env: context.io.env }),
        stdout: context.io.stdout,
        stderr: context.io.stderr,
        interrupted: context.io.untilStopped(),
      },
    );
  } finally {
    if (outbox) {
      await outbox.drain(AbortSignal.timeout(outboxDrainMs)).catch(() => undefined);
      await outbox.stop();
    }
    await suppression.close();
    await audit.close();
  }
}
