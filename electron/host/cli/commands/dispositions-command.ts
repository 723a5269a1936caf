import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { operatorName } from '../../../app/operator-actor';
import { cliAuditLogOptions } from '../../../audit/audit-env';
import { createAuditLog } from '../../../audit/audit-log';
import { runCliImport } from '../../../dispositions/import/cli-import';
import { readKnownOutcomeMatrix } from '../../../dispositions/import/known-outcome-matrix';
import { runCliCheck } from '../../../dispositions/reading/check-disposition-file';
import { crmSecretRef, importNotificationSink, importSuppressionSink } from '../../../dispositions/import/import-services';
import { createOutbox } from '../../../outbox/outbox';
import { createSuppressionList } from '../../../suppression/suppression-list';
import { checkedUrl, type CliCommandModule, type CliContext } from '../cli-context';
import {
  describeOutcomeMappingSource,
  outcomeMappingPlaces,
  outcomeMappingVariable,
  writtenOutcomeMapping,
  type WrittenOutcomeMapping,
} from '../outcome-mapping';
import { tenantFromEnvironment } from '../tenant-environment';
import { connectDispositionTenant } from './disposition-tenant';
import { runDispositionsMapping } from './dispositions-mapping-command';

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

const mappingHelp = `On a CXone Admin API tenant, outcome codes are set as the dispositions the app's Settings ("Outcome codes → dispositions") names for the same issuer and access key (read from CXONE_DATA_DIR), or those of ${outcomeMappingVariable} (a JSON file {"OUTCOME_CODE": "Disposition name or id"}, which replaces the saved mapping); codes neither names are matched to a disposition by name`;

/** The tenant the environment names, if it names one completely; the offline check needs none. */
function environmentTenant(context: CliContext) {
  try {
    return tenantFromEnvironment(context.io.env).profile;
  } catch {
    return null;
  }
}

/** The check's view of the mapping: its codes are outcomes too, and the environment's file names dispositions by name. */
function checkMapping(written: WrittenOutcomeMapping) {
  const codes = Object.keys(written.entries).sort();
  const names = written.source.kind === 'environment' ? { ...written.entries } : {};
  return { codes, names, outcomeMapping: { source: written.source, description: describeOutcomeMappingSource(written.source), codes } };
}

/** `cxone-console dispositions import|check|mapping` — the app's import engine and journal, its reading rules offline, and the outcome mapping in force. */
export const dispositionsCommand: CliCommandModule = {
  register(program: Command, context, run) {
    const dispositions = program.command('dispositions').description('Disposition files prepared offline, and the outcome mapping they are applied with');
    dispositions
      .command('check')
      .argument('<file.csv>', 'the disposition CSV to check')
      .description(
        'Read, validate and de-duplicate a disposition CSV without a tenant (outcome codes of the last tenant the data folder knows, else the default matrix, plus the codes of the Admin API outcome mapping in force — see `dispositions mapping`); exit 0 when every row is valid, 1 when any is not, 2 when the file cannot be read',
      )
      .option('--json', 'print one JSON document with the counts and the problems (line, column, message)')
      .action(
        run(async (file: string, flags: { json?: boolean }) => {
          const dataDir = context.io.env.CXONE_DATA_DIR?.trim() || null;
          const known = await readKnownOutcomeMatrix(dataDir);
          const tenant = environmentTenant(context);
          const written = writtenOutcomeMapping(context.io.env, tenant);
          const admin = tenant?.adapter === 'cxone-admin' || written.source.kind === 'environment';
          const mapping = admin ? checkMapping(written) : null;
          return runCliCheck(
            file,
            { json: flags.json === true },
            {
              outcomeMatrix: mapping ? { ...known, codes: [...new Set([...known.codes, ...mapping.codes])].sort() } : known,
              outcomeHelp: { names: { ...known.names, ...mapping?.names }, ...(mapping ? { mapIn: outcomeMappingPlaces } : {}) },
              ...(mapping ? { outcomeMapping: mapping.outcomeMapping } : {}),
              stdout: context.io.stdout,
              stderr: context.io.stderr,
            },
          );
        }),
      );
    dispositions
      .command('mapping')
      .description(
        'Print the outcome → disposition mapping an import uses on this CXone Admin API tenant (code, disposition, id, mapped or matched by name) and where it came from; exit 1 when a mapped disposition is gone from the tenant',
      )
      .addHelpText('after', `\n${mappingHelp}.`)
      .option('--json', 'print one JSON document: tenant, source, entries (outcomeCode, dispositionId, dispositionName, via) and problems')
      .action(run(async (flags: { json?: boolean }) => runDispositionsMapping(context, flags)));
    dispositions
      .command('import')
      .argument('<file.csv>', 'the disposition CSV (columns by header: campaign_id, contact_id, outcome_code, agent_id, disposition_timestamp, notes)')
      .description(
        `Apply every row of a disposition CSV exactly once; re-running after an interruption resumes. CRM notifications go to CXONE_CRM_WEBHOOK_URL (signed with CXONE_CRM_WEBHOOK_SECRET) when set. On a CXone Admin API tenant, outcomes are set as the app's saved outcome mapping or ${outcomeMappingVariable} says (see \`dispositions mapping\`)`,
      )
      .addHelpText('after', `\n${mappingHelp}; the output says which mapping was used.`)
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
        }),
      );
  },
};
