import { InvalidArgumentError, type Command } from 'commander';
import { campaignStatuses, type Campaign, type CampaignStatus } from '../../../../shared/cxone/schemas';
import { createDialingHint, dialingHintPathFor, dialingOfSnapshot } from '../../../campaigns/dialing-hint';
import { emergencyRecordPath, type TenantIdentity } from '../../../campaigns/emergency-record';
import { exitCodes, type CliCommandModule, type CliContext } from '../cli-context';
import { writeJson, writeLines } from '../io';
import { formatTable, type Column } from '../table';
import { registerCampaignEmergencyCommand } from './campaign-emergency-command';
import { registerCampaignStatusCommands } from './campaign-status-command';

const columns: readonly Column<Campaign>[] = [
  { title: 'NAME', value: (c) => c.name },
  { title: 'ID', value: (c) => c.id },
  { title: 'STATUS', value: (c) => c.status },
  { title: 'DIALER', value: (c) => c.dialerType },
  { title: 'REGION', value: (c) => c.customAttributes.region ?? '-' },
  { title: 'MAX CALLS', value: (c) => c.rules.maxConcurrentCalls, align: 'right' },
];

function statusOption(raw: string): CampaignStatus {
  const status = campaignStatuses.find((candidate) => candidate === raw.trim().toLowerCase());
  if (!status) throw new InvalidArgumentError(`--status must be one of ${campaignStatuses.join(', ')}.`);
  return status;
}

function rememberDialing(context: CliContext, tenant: TenantIdentity, found: readonly Campaign[]): void {
  // Listing needs no data folder; without CXONE_DATA_DIR there is nowhere to keep the list.
  if (!context.io.env.CXONE_DATA_DIR?.trim()) return;
  const dialing = dialingOfSnapshot({ campaigns: found, fetchedAt: 'now', error: null });
  if (dialing) createDialingHint(dialingHintPathFor(emergencyRecordPath(context.dataDir(), tenant))).write(dialing);
}

/** `cxone-console campaigns …` */
export const campaignsCommand: CliCommandModule = {
  register(program: Command, context, run) {
    const campaigns = program.command('campaigns').description('Campaigns on the tenant named by CXONE_BASE_URL (or CXONE_ISSUER with CXONE_KIND=admin-api)');
    campaigns
      .command('list')
      .description('List campaigns as an aligned table (or a JSON array with --json)')
      .option('--status <status>', `only campaigns in this status (${campaignStatuses.join(', ')})`, statusOption)
      .option('--json', 'print a JSON array of campaigns')
      .action(
        run(async (flags: { status?: CampaignStatus; json?: boolean }) => {
          const connection = context.connect();
          try {
            const found: Campaign[] = [];
            for await (const campaign of connection.campaigns.list({ ...(flags.status ? { status: flags.status } : {}), pageSize: 500 })) found.push(campaign);
            // A full list says what dials now: saved, the next emergency pause sends its first PATCH before its own listing answers.
            if (!flags.status) rememberDialing(context, connection.profile, found);
            if (flags.json) writeJson(context.io, found);
            else if (found.length === 0) writeLines(context.io, [flags.status ? `No ${flags.status} campaigns.` : 'No campaigns.']);
            else writeLines(context.io, formatTable(found, columns));
            return exitCodes.success;
          } finally {
            connection.close();
          }
        }),
      );
    registerCampaignStatusCommands(campaigns, context, run);
    registerCampaignEmergencyCommand(campaigns, context, run);
  },
};
