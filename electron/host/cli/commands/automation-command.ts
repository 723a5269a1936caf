import { InvalidArgumentError, type Command } from 'commander';
import {
  alertSeverities,
  type AlertSeverity,
  type AutomationDecision,
  type AutomationRuleId,
  type RuleTickSummary,
} from '../../../../shared/automation/automation-rules';
import { ConsoleFailure, consoleError } from '../../../../shared/errors';
import { describeHolder } from '../../../automation/runner-lease';
import { exitCodes, type CliCommandModule, type CliContext } from '../cli-context';
import { writeJson, writeLines } from '../io';
import { availableRuleIds, openAutomation, type CliAutomationOptions } from './automation-session';

const wholeMinutes = (name: string) => (raw: string) => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new InvalidArgumentError(`${name} takes a whole number of minutes, 0 or more.`);
  return value;
};
const severityOption = (raw: string): AlertSeverity => {
  const severity = alertSeverities.find((known) => known.toLowerCase() === raw.trim().toLowerCase());
  if (!severity) throw new InvalidArgumentError(`--severity takes one of ${alertSeverities.join(', ')}.`);
  return severity;
};
const safetyOption = (raw: string): number => {
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new InvalidArgumentError('--safety takes a number above 0 and at most 1, e.g. 0.8.');
  return value;
};

/** One line per decision: when, which rule, which campaign, what and why, with its evidence. */
export function decisionLine(decision: AutomationDecision): string {
  const { evidence } = decision;
  const alerts = evidence.alerts?.length ? ` (alerts: ${evidence.alerts.map((alert) => alert.id).join(', ')})` : '';
  const capacity =
    evidence.availableAgents !== undefined ? ` (agents ${evidence.availableAgents}, limit ${evidence.oldLimit ?? '-'} → ${evidence.newLimit ?? '-'})` : '';
  const name = decision.campaignName ? ` "${decision.campaignName}"` : '';
  const error = decision.error ? ` — ${decision.error}` : '';
  return `${decision.at} ${decision.ruleId} ${decision.campaignId}${name} ${decision.action} ${decision.outcome}${decision.dryRun ? ' (dry run)' : ''}: ${decision.reason}${alerts}${capacity}${error}`;
}

const tickProblemLine = (summary: RuleTickSummary) => `${summary.finishedAt} ${summary.ruleId} tick ${summary.result}: ${summary.problem ?? ''}`;

function unavailable(context: CliContext, ruleIds: readonly AutomationRuleId[]): number | null {
  const available = availableRuleIds();
  const missing = ruleIds.filter((id) => !available.includes(id));
  if (ruleIds.length > 0 && missing.length === 0) return null;
  context.io.stderr(
    `cxone-console: ${missing.length > 0 ? `the ${missing.join(' and ')} rule is not available in this build` : 'no automation rule is available in this build'}.\n`,
  );
  return exitCodes.usage;
}

/** Runs rules on their schedules until SIGINT/SIGTERM; then lets the write in flight finish, releases the lease and exits 0. */
async function runUntilStopped(context: CliContext, options: CliAutomationOptions): Promise<number> {
  const { io } = context;
  const stopped = io.untilStopped();
  let said = '';
  let session: Awaited<ReturnType<typeof openAutomation>> | null = null;
  const sayRunner = async () => {
    if (!session) return;
    const { holder } = await session.engine.runner();
    const text =
      holder?.kind === 'this-app'
        ? "Running this tenant's automation (this process holds the lease)."
        : holder
          ? `Waiting: ${describeHolder(holder)} runs this tenant's automation; this process takes over when it stops.`
          : 'No runner holds the lease yet.';
    if (text !== said) io.stderr(`${text}\n`);
    said = text;
  };
  session = await openAutomation(context, {
    ...options,
    onDecision: (decision) => writeLines(io, [decisionLine(decision)]),
    onTick: (summary) => {
      if (summary.problem) io.stderr(`${tickProblemLine(summary)}\n`);
    },
    onRunnerChanged: () => void sayRunner().catch(() => undefined),
    onProblem: (message) => io.stderr(`cxone-console: ${message}\n`),
  });
  try {
    await session.engine.start();
    const { rules } = await session.engine.list();
    const enabled = rules.filter((rule) => rule.enabled);
    io.stderr(
      enabled.length > 0
        ? `Automation on ${session.tenantLabel}: ${enabled.map((rule) => `${rule.title} every ${rule.settings.intervalMinutes} min`).join(', ')}.\n`
        : "No rule is enabled for this tenant; waiting (enable one on the app's Automation screen).\n",
    );
    await sayRunner();
    await stopped;
    io.stderr('Stopping: the write in flight finishes, then the lease is released.\n');
  } finally {
    await session.close();
  }
  io.stderr('Stopped.\n');
  return exitCodes.success;
}

/** One tick now, holding the lease for a real one (the data folder's, or with CXONE_REDIS_URL the Redis runner record); `--json` prints one document of its decisions. */
async function runOnce(
  context: CliContext,
  ruleId: AutomationRuleId,
  pinned: Record<string, unknown>,
  flags: { dryRun?: boolean; json?: boolean },
  jsonOf: (decision: AutomationDecision) => Record<string, unknown>,
): Promise<number> {
  const session = await openAutomation(context, { only: [ruleId], pinned: { [ruleId]: pinned }, once: true });
  const dryRun = flags.dryRun === true;
  let leased = false;
  try {
    if (!dryRun && session.lease) {
      const attempt = await session.lease.tryAcquire();
      if (!attempt.held) {
        throw new ConsoleFailure(
          consoleError('conflict', `This tenant's automation is run by ${describeHolder(attempt.holder)}; use --dry-run, or stop that runner first.`, {
            code: 'AUTOMATION_HELD',
          }),
        );
      }
      leased = true;
    }
    const { summary, decisions } = await session.engine.runOnce(ruleId, dryRun);
    if (flags.json) {
      writeJson(context.io, {
        rule: ruleId,
        dryRun,
        result: summary.result,
        ...(summary.problem ? { problem: summary.problem } : {}),
        counts: summary.counts,
        decisions: decisions.map(jsonOf),
      });
    } else {
      writeLines(context.io, decisions.map(decisionLine));
      writeLines(context.io, [
        `${dryRun ? 'Dry run' : 'Tick'} ${summary.result}: ${
          Object.entries(summary.counts)
            .map(([outcome, count]) => `${count} ${outcome}`)
            .join(', ') || 'no decision'
        }.`,
      ]);
      if (summary.problem) context.io.stderr(`cxone-console: ${summary.problem}\n`);
    }
    return summary.result === 'ok' ? exitCodes.success : exitCodes.someFailed;
  } finally {
    if (leased) await session.lease?.release().catch(() => undefined);
    await session.close();
  }
}

const needsOnce = (context: CliContext, flags: { once?: boolean; dryRun?: boolean; json?: boolean }): number | null => {
  if (flags.once || (!flags.dryRun && !flags.json)) return null;
  context.io.stderr(`cxone-console: ${flags.dryRun ? '--dry-run' : '--json'} needs --once (a dry run is one tick).\n`);
  return exitCodes.usage;
};

const onceHelp =
  "one tick now, then exit (0 ok, 1 a failed decision or tick); it holds this tenant's runner lease while it writes (with CXONE_REDIS_URL the Redis runner record, shared by every machine), and is refused while another runner holds it";

/** `cxone-console automation …`: the automation rules of issue #16, headless. */
export const automationCommand: CliCommandModule = {
  register(program: Command, context, run) {
    const automation = program
      .command('automation')
      .description(
        'Automation rules (severe weather, agent capacity) without the app; state and lease in CXONE_DATA_DIR, or with CXONE_REDIS_URL the runners of every machine share Redis',
      );

    automation
      .command('run')
      .description('Run every enabled rule on its schedule, one line per decision, until SIGINT/SIGTERM (the write in flight finishes; exit 0)')
      .action(
        run(async () => {
          const refused = unavailable(context, availableRuleIds());
          return refused ?? runUntilStopped(context, {});
        }),
      );

    automation
      .command('weather')
      .description(
        'The severe-weather rule with these settings: pause campaigns whose region has an alert at or above the severity, resume after the hold-down',
      )
      .requiredOption('--alerts-url <url>', 'the NWS-style alerts feed (GeoJSON)')
      .option('--severity <level>', `the lowest severity that pauses (${alertSeverities.join(', ')})`, severityOption, 'Severe' as AlertSeverity)
      .option('--hold-down-min <minutes>', 'minutes after the last alert ends before resuming', wholeMinutes('--hold-down-min'), 30)
      .option('--once', onceHelp)
      .option('--dry-run', 'with --once: decide and report, write nothing')
      .option('--json', 'with --once: one JSON document of the decisions')
      .action(
        run(async (flags: { alertsUrl: string; severity: AlertSeverity; holdDownMin: number; once?: boolean; dryRun?: boolean; json?: boolean }) => {
          const refused = unavailable(context, ['weather']) ?? needsOnce(context, flags);
          if (refused !== null) return refused;
          const pinned = { alertsUrl: flags.alertsUrl, severity: flags.severity, holdDownMinutes: flags.holdDownMin };
          if (!flags.once) return runUntilStopped(context, { only: ['weather'], pinned: { weather: pinned } });
          return runOnce(context, 'weather', pinned, flags, (decision) => ({
            campaignId: decision.campaignId,
            ...(decision.campaignName ? { campaignName: decision.campaignName } : {}),
            action: decision.action,
            outcome: decision.outcome,
            reason: decision.reason,
            alerts: (decision.evidence.alerts ?? []).map((alert) => alert.id),
            ...(decision.error ? { error: decision.error } : {}),
          }));
        }),
      );

    automation
      .command('capacity')
      .description("The capacity rule with this safety factor: set each running campaign's concurrent-call limit from the agents available")
      .option('--safety <factor>', 'the share of available agents to dial for, above 0 and at most 1', safetyOption, 0.8)
      .option('--once', onceHelp)
      .option('--dry-run', 'with --once: decide and report, write nothing')
      .option('--json', 'with --once: one JSON document of the decisions')
      .action(
        run(async (flags: { safety: number; once?: boolean; dryRun?: boolean; json?: boolean }) => {
          const refused = unavailable(context, ['capacity']) ?? needsOnce(context, flags);
          if (refused !== null) return refused;
          const pinned = { safetyFactor: flags.safety };
          if (!flags.once) return runUntilStopped(context, { only: ['capacity'], pinned: { capacity: pinned } });
          return runOnce(context, 'capacity', pinned, flags, (decision) => ({
            campaignId: decision.campaignId,
            ...(decision.campaignName ? { campaignName: decision.campaignName } : {}),
            action: decision.action,
            outcome: decision.outcome,
            reason: decision.reason,
            availableAgents: decision.evidence.availableAgents ?? null,
            oldLimit: decision.evidence.oldLimit ?? null,
            newLimit: decision.evidence.newLimit ?? null,
            ...(decision.error ? { error: decision.error } : {}),
          }));
        }),
      );
  },
};
