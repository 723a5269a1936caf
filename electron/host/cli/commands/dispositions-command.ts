import { InvalidArgumentError, type Command } from 'commander';
import type { CliCommandModule } from '../cli-context';
import { outcomeMappingVariable } from '../outcome-mapping';
import { runDispositionsMapping } from './dispositions-mapping-command';
import type { ImportFlags } from './dispositions-import-action';

function positiveNumber(name: string, integer: boolean) {
  return (raw: string): number => {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
      throw new InvalidArgumentError(`${name} must be a ${integer ? 'whole ' : ''}number above 0.`);
    }
    return value;
  };
}

const mappingHelp = `On a CXone Admin API tenant, outcome codes are set as the dispositions the app's Settings ("Outcome codes → dispositions") names for the same issuer and access key (read from CXONE_DATA_DIR), or those of ${outcomeMappingVariable} (a JSON file {"OUTCOME_CODE": "Disposition name or id"}, which replaces the saved mapping); codes neither names are matched to a disposition by name`;

/**
 * `cxone-console dispositions import|check|mapping` — the app's import engine and journal, its reading rules offline, and the outcome mapping in force.
 * Each action loads its own code: `check` of a big file must not hold the import engine, outbox and tenant client in its memory.
 */
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
      .action(run(async (file: string, flags: { json?: boolean }) => (await import('./dispositions-check-action')).runDispositionsCheck(file, flags, context)));
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
      .action(run(async (file: string, flags: ImportFlags) => (await import('./dispositions-import-action')).runDispositionsImport(file, flags, context)));
  },
};
