import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { StatusChangeResult } from '../../../../shared/campaigns/status-change';
import type { RunProgress } from '../../../../shared/runs/run-progress';
import { createBulkActions } from '../../../campaigns/bulk-actions';
import { exitCodes, type ActionRunner, type CliContext } from '../cli-context';
import { writeJson, writeLines, type CliIo } from '../io';
import { openCampaignControl } from './campaign-control-session';
import { campaignRunReport, formatCampaignRun, type CampaignRunAction } from './campaign-run-report';

interface StatusFlags {
  all?: boolean;
  emergency?: boolean;
  json?: boolean;
}

/** The flag that stands for "the emergency set" in each command. */
const emergencyFlag = { pause: '--all', resume: '--emergency' } as const;
const target = { pause: 'paused', resume: 'running' } as const;
const progressWord = { pause: 'paused', resume: 'resumed' } as const;

function usageProblem(action: CampaignRunAction, ids: readonly string[], emergency: boolean): string | null {
  const flag = emergencyFlag[action];
  if (emergency && ids.length > 0) return `give either campaign ids or ${flag}, not both.`;
  if (!emergency && ids.length === 0) return `give the campaign ids to ${action}, or ${flag}.`;
  return null;
}

/** "n of m paused" redrawn in place on a terminal's stderr; nothing anywhere else. */
function progressLine(io: CliIo, action: CampaignRunAction) {
  let drawn = false;
  const draw = (done: number, total: number) => {
    io.stderr(`\r${done} of ${total} ${progressWord[action]}`);
    drawn = true;
  };
  return {
    // Drawn from the first answer on: a line saying nothing was done yet would only flicker.
    draw: (progress: RunProgress) => {
      if (progress.done > 0) draw(progress.done, progress.total);
    },
    end: () => {
      if (drawn) io.stderr('\n');
    },
  };
}

/** Loud on stderr (red on a terminal), with --json too: a run whose record is lost or damaged must be seen. */
function writeRecordProblems(io: CliIo, problems: readonly string[]): void {
  const [red, reset] = io.stderrIsTty ? ['\u001b[31m', '\u001b[0m'] : ['', ''];
  for (const problem of problems) io.stderr(`${red}cxone-console: ${problem}${reset}\n`);
}

async function runStatusCommand(context: CliContext, action: CampaignRunAction, rawIds: readonly string[], flags: StatusFlags): Promise<number> {
  const emergency = (action === 'pause' ? flags.all : flags.emergency) === true;
  const ids = [...new Set(rawIds.map((id) => id.trim()).filter((id) => id !== ''))];
  const problem = usageProblem(action, ids, emergency);
  if (problem) {
    context.io.stderr(`cxone-console: ${problem} (run with --help for usage)\n`);
    return exitCodes.usage;
  }
  const progress = !flags.json && context.io.stderrIsTty ? progressLine(context.io, action) : null;
  const session = await openCampaignControl(context, progress?.draw);
  try {
    const { control, actor } = session;
    // The same bulk run as the app's, so its progress comes from the same reporter; unthrottled,
    // as a line redrawn in place costs nothing and each answer moves the count.
    const bulk = createBulkActions(control, (value) => progress?.draw(value), 0);
    const actionId = randomUUID();
    let finished = false;
    let interrupted = false;
    void context.io.untilStopped().then(() => {
      if (finished) return;
      interrupted = true;
      if (emergency) control.cancelEmergency();
      else bulk.cancel(actionId);
    });
    let results: StatusChangeResult[];
    let runId: string | undefined;
    let recordProblems: string[] = [];
    if (emergency) {
      const run = await (action === 'pause' ? control.emergencyPause(actor) : control.resumeEmergency(actor));
      results = run.results;
      runId = run.id;
      recordProblems = run.recordProblems ?? [];
    } else {
      results = await bulk.run(ids, target[action], actor, actionId);
    }
    finished = true;
    progress?.end();
    const report = campaignRunReport({
      action,
      scope: emergency ? 'emergency' : 'ids',
      tenant: session.tenantLabel,
      ...(runId ? { runId } : {}),
      results,
      interrupted,
      recordProblems,
    });
    if (flags.json) writeJson(context.io, report);
    else writeLines(context.io, formatCampaignRun(report));
    writeRecordProblems(context.io, report.recordProblems);
    return report.ok ? exitCodes.success : exitCodes.someFailed;
  } finally {
    await session.close();
  }
}

/** `cxone-console campaigns pause …` and `campaigns resume …`, added to the `campaigns` command. */
export function registerCampaignStatusCommands(campaigns: Command, context: CliContext, run: ActionRunner): void {
  campaigns
    .command('pause')
    .argument('[ids...]', 'ids of the campaigns to pause')
    .description(
      'Pause campaigns by id, or every running and activating campaign with --all (the emergency pause: remembered so `resume --emergency` restarts exactly those). Exit 0 when every one ends paused. Ctrl+C stops starting new requests',
    )
    .option('--all', 'emergency pause: every campaign that is running or activating')
    .option('--json', 'print one JSON document: the run summary and a campaigns list (id, name, outcome, reason, error)')
    .action(run(async (ids: string[], flags: StatusFlags) => runStatusCommand(context, 'pause', ids, flags)));
  campaigns
    .command('resume')
    .argument('[ids...]', 'ids of the campaigns to resume')
    .description(
      'Resume campaigns by id, or with --emergency exactly those the emergency pause stopped (from the app or `pause --all`) and nobody touched since. Exit 0 when every one ends running',
    )
    .option('--emergency', 'resume what the emergency pause stopped, nothing else')
    .option('--json', 'print one JSON document: the run summary and a campaigns list (id, name, outcome, reason, error)')
    .action(run(async (ids: string[], flags: StatusFlags) => runStatusCommand(context, 'resume', ids, flags)));
}
