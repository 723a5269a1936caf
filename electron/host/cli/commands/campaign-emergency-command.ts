import type { Command } from 'commander';
import { createEmergencyLedger } from '../../../campaigns/emergency-ledger';
import { createEmergencyRecord, emergencyRecordPath, type PausedByEmergency } from '../../../campaigns/emergency-record';
import { exitCodes, type ActionRunner, type CliContext } from '../cli-context';
import { writeJson, writeLines } from '../io';
import { formatTable } from '../table';

/** The `--json` document of `campaigns emergency`. */
export interface EmergencyHoldingReport {
  record: string;
  campaigns: PausedByEmergency[];
  /** The record is damaged (kept aside as a copy) or could not be written: one sentence each; any makes the exit code 1. */
  recordProblems: string[];
}

/**
 * `cxone-console campaigns emergency`: what `resume --emergency` would restart, read from the
 * data folder's record (or, when it was damaged, from what was recovered out of its copy).
 */
export function registerCampaignEmergencyCommand(campaigns: Command, context: CliContext, run: ActionRunner): void {
  campaigns
    .command('emergency')
    .description(
      'List the campaigns the emergency pause stopped and `resume --emergency` would restart; exit 1 when the record was damaged or cannot be written',
    )
    .option('--json', 'print one JSON document: record, campaigns, recordProblems')
    .action(
      run(async (flags: { json?: boolean }) => {
        const connection = context.connect();
        try {
          const record = createEmergencyRecord(emergencyRecordPath(context.dataDir(), connection.profile));
          const ledger = createEmergencyLedger(() => record);
          const report: EmergencyHoldingReport = { record: record.path, campaigns: ledger.read().paused, recordProblems: ledger.problems() };
          if (flags.json) {
            writeJson(context.io, report);
          } else if (report.campaigns.length === 0) {
            writeLines(context.io, ['The emergency pause holds no campaigns.']);
          } else {
            writeLines(context.io, [
              ...formatTable(report.campaigns, [
                { title: 'ID', value: (entry) => entry.campaignId },
                { title: 'NAME', value: (entry) => entry.name },
                { title: 'PAUSED AT', value: (entry) => entry.pausedAt || '?' },
              ]),
              '',
              `${report.campaigns.length} campaigns held by the emergency pause; \`campaigns resume --emergency\` restarts them.`,
            ]);
          }
          for (const problem of report.recordProblems) context.io.stderr(`cxone-console: ${problem}\n`);
          return report.recordProblems.length > 0 ? exitCodes.someFailed : exitCodes.success;
        } finally {
          connection.close();
        }
      }),
    );
}
