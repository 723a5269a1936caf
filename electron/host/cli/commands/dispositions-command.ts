import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { TenantProfile } from '../../../../shared/tenant-profile';
import { operatorName } from '../../../app/operator-actor';
import { cliAuditLogOptions } from '../../../audit/audit-env';
import { createAuditLog } from '../../../audit/audit-log';
import { runCliImport } from '../../../dispositions/import/cli-import';
import { readKnownOutcomeMatrix } from '../../../dispositions/import/known-outcome-matrix';
import { runCliCheck } from '../../../dispositions/reading/check-disposition-file';
import { crmSecretRef, importNotificationSink, importSuppressionSink } from '../../../dispositions/import/import-services';
import { createOutbox } from '../../../outbox/outbox';
import { createSuppressionList } from '../../../suppression/suppression-list';
import { connectTenant } from '../../../tenant/connect';
import { checkedUrl, type CliCommandModule, type CliContext } from '../cli-context';

function positiveNumber(name: string, integer: boolean) {
  return (raw: string): number => {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
      throw new InvalidArgumentError(`${name} must be a ${integer ? 'whole ' : ''}number above 0.`);
    }
    return value;
  };
}

/** How long the command waits for CRM notifications to be delivered before it ends. */
const outboxDrainMs = 10_000;

interface ImportFlags {
  dryRun?: boolean;
  json?: boolean;
  concurrency?: number;
  maxRps?: number;
  reimport?: boolean;
  retryBusy?: boolean;
  busyWait?: number;
  exportUnapplied?: string;
}

/**
 * The context's connection with this run's limits. The context connects with the
 * profile's defaults; `--max-rps`/`--concurrency` need the profile itself, so the
 * same environment variables are read here (and checked by `context.connect()` first).
 */
function connectWithLimits(context: CliContext, limits: { maxRequestsPerSecond?: number; maxConcurrency?: number }) {
  const checked = context.connect();
  if (limits.maxRequestsPerSecond === undefined && limits.maxConcurrency === undefined) return checked;
  checked.close();
  const env = context.io.env;
  const apiBaseUrl = env.CXONE_BASE_URL?.trim() ?? '';
  const tokenUrl = env.CXONE_TOKEN_URL?.trim();
  const secret = env.CXONE_CLIENT_SECRET?.trim() ?? '';
  const profile: TenantProfile = {
    id: 'cli',
    label: new URL(apiBaseUrl).host,
    adapter: 'contract',
    apiBaseUrl,
    ...(tokenUrl ? { tokenUrl } : {}),
    clientId: env.CXONE_CLIENT_ID?.trim() ?? '',
    credentialRef: 'env:CXONE_CLIENT_SECRET',
    ...(limits.maxRequestsPerSecond !== undefined ? { maxRequestsPerSecond: limits.maxRequestsPerSecond } : {}),
    ...(limits.maxConcurrency !== undefined ? { maxConcurrency: limits.maxConcurrency } : {}),
  };
  return connectTenant(profile, async () => secret);
}

/** `cxone-console dispositions import|check <file.csv>` — the app's import engine and journal, and its reading rules offline. */
export const dispositionsCommand: CliCommandModule = {
  register(program: Command, context, run) {
    const dispositions = program.command('dispositions').description('Disposition files prepared offline');
    dispositions
      .command('check')
      .argument('<file.csv>', 'the disposition CSV to check')
      .description(
        'Read, validate and de-duplicate a disposition CSV without a tenant (outcome codes of the last tenant the data folder knows, else the default matrix); exit 0 when every row is valid, 1 when any is not, 2 when the file cannot be read',
      )
      .option('--json', 'print one JSON document with the counts and the problems (line, column, message)')
      .action(
        run(async (file: string, flags: { json?: boolean }) => {
          const dataDir = context.io.env.CXONE_DATA_DIR?.trim() || null;
          return runCliCheck(
            file,
            { json: flags.json === true },
            { outcomeMatrix: await readKnownOutcomeMatrix(dataDir), stdout: context.io.stdout, stderr: context.io.stderr },
          );
        }),
      );
    dispositions
      .command('import')
      .argument('<file.csv>', 'the disposition CSV (columns by header: campaign_id, contact_id, outcome_code, agent_id, disposition_timestamp, notes)')
      .description(
        'Apply every row of a disposition CSV exactly once; re-running after an interruption resumes. CRM notifications go to CXONE_CRM_WEBHOOK_URL (signed with CXONE_CRM_WEBHOOK_SECRET) when set',
      )
      .option('--dry-run', 'read each contact and say what would change; change nothing')
      .option('--json', 'print one JSON document with the counts and a problems list (line, contact, reason)')
      .option('--concurrency <n>', 'rows in flight at once (at most 64)', positiveNumber('--concurrency', true))
      .option('--max-rps <r>', 'requests per second to start at; 429s still slow it down', positiveNumber('--max-rps', false))
      .option('--reimport', 'confirm importing a file that was imported before (same content)')
      .option(
        '--busy-wait <seconds>',
        'once only contacts on a call remain, how long to keep retrying them before ending with them left waiting (default: a fifth of the time the rest took, 2 to 10)',
        positiveNumber('--busy-wait', false),
      )
      .option('--retry-busy', 'retry only the rows of an earlier import of this file whose contacts were on a call (left waiting)')
      .option('--export-unapplied <out.csv>', 'also write every row not applied, with its reason, to this CSV')
      .action(
        run(async (file: string, flags: ImportFlags) => {
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
                  const connection = connectWithLimits(context, limits);
                  return { connection, label: connection.profile.label, close: () => connection.close() };
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
        }),
      );
  },
};
