import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { intervalText } from '../../../../shared/schedules/attempt-limit';
import { describeCron } from '../../../../shared/schedules/cron';
import type { GateVerdict } from '../../../../shared/schedules/compliance-gate';
import { isCalendarDate } from '../../../../shared/schedules/local-time';
import type { ScheduleConflict } from '../../../../shared/schedules/schedule-conflicts';
import { parseWindowOption } from '../../../../shared/schedules/window-option';
import { blackoutDatesIn, blackoutTenantKey } from '../../../schedules/blackout-dates';
import type { ScheduleApplyResult } from '../../../schedules/schedule-applier';
import { checkCampaignSchedule, findScheduleConflicts } from '../../../schedules/schedule-checks';
import { exitCodes, type CliCommandModule, type CliContext } from '../cli-context';
import { writeJson, writeLines } from '../io';
import { formatTable } from '../table';
import { openScheduleApplier } from './schedule-apply-session';

function daysOption(raw: string): number {
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 60) throw new InvalidArgumentError('--days takes a whole number from 1 to 60.');
  return days;
}

function dateOption(raw: string): string {
  if (!isCalendarDate(raw)) throw new InvalidArgumentError('--from takes a date as YYYY-MM-DD.');
  return raw;
}

function collectDate(raw: string, earlier: string[] = []): string[] {
  if (!isCalendarDate(raw)) throw new InvalidArgumentError('--blackout takes a date as YYYY-MM-DD.');
  return [...earlier, raw];
}

interface CheckFlags {
  cron?: string;
  tz?: string;
  window?: string;
  from?: string;
  days: number;
  json?: boolean;
}

type Problem = { field: string; message: string };

function usage(context: CliContext, problems: readonly Problem[], json: boolean | undefined): number {
  if (json) writeJson(context.io, { problems });
  context.io.stderr(`cxone-console: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}\n`);
  return exitCodes.usage;
}

type ProposedFlags = { ok: true; schedule: { cronExpression?: string; timezone?: string; windowMinutes?: number } } | { ok: false; problem: Problem };

function proposedSchedule(flags: CheckFlags): ProposedFlags {
  let windowMinutes: number | undefined;
  if (flags.window !== undefined) {
    const parsed = parseWindowOption(flags.window, flags.cron ?? '');
    if (!parsed.ok) return { ok: false, problem: { field: 'window', message: parsed.message } };
    windowMinutes = parsed.windowMinutes;
  }
  return {
    ok: true,
    schedule: {
      ...(flags.cron ? { cronExpression: flags.cron } : {}),
      ...(flags.tz ? { timezone: flags.tz } : {}),
      ...(windowMinutes ? { windowMinutes } : {}),
    },
  };
}

function scheduleOptions(command: Command): Command {
  return command
    .option('--cron <expression>', '5-field cron: when each calling window opens (default: the campaign’s)')
    .option('--tz <zone>', 'IANA time zone of the schedule (default: the campaign’s)')
    .option('--window <HH:mm-HH:mm>', 'the calling window, e.g. 09:00-17:00 (default: the campaign’s windowMinutes)')
    .option('--from <YYYY-MM-DD>', "first date, in the schedule's zone (default: today there)", dateOption)
    .option('--days <n>', 'how many days to check', daysOption, 14)
    .option('--json', 'print the result as one JSON document');
}

function applyLines(outcome: Exclude<ScheduleApplyResult, { kind: 'invalid' }>): string[] {
  switch (outcome.kind) {
    case 'blocked':
      return [
        ...verdictLines(outcome.verdict, 'Not applied: the schedule does not pass the compliance gate.'),
        ...(outcome.clip
          ? [
              `Clipping to "${outcome.clip.cronExpression}" for ${outcome.clip.windowMinutes} minutes still leaves ${outcome.clip.windowsLeftOutside} window(s) outside the rules.`,
            ]
          : []),
      ];
    case 'dry_run':
      return [
        `Dry run: would store ${outcome.after.cronExpression} in ${outcome.after.timezone} for ${outcome.after.windowMinutes} minutes${outcome.clipped ? ' (clipped)' : ''}; nothing was written.`,
      ];
    case 'applied':
      return [
        `Applied: ${outcome.after.cronExpression} in ${outcome.after.timezone} for ${outcome.after.windowMinutes} minutes${outcome.clipped ? ' (clipped)' : ''}; campaign ${outcome.campaign.id} is at version ${outcome.campaign.version}.`,
        ...(outcome.activation
          ? [
              `Activation: ${outcome.activation.status}${outcome.activation.latencyMs === null ? '' : ` after ${outcome.activation.latencyMs} ms`}. ${outcome.activation.message}`,
            ]
          : []),
        ...(outcome.notification ? [`WFM: ${outcome.notification.message}`] : []),
      ];
    case 'schedule_changed':
      return [
        `Not applied: someone changed the schedule of this campaign meanwhile (now version ${outcome.version}); choose one and apply again.`,
        `  theirs: ${outcome.theirs ? `${outcome.theirs.cronExpression} in ${outcome.theirs.timezone} for ${outcome.theirs.windowMinutes ?? 480} minutes` : 'no schedule'}`,
        `  yours:  ${outcome.ours.cronExpression} in ${outcome.ours.timezone} for ${outcome.ours.windowMinutes} minutes`,
      ];
  }
}

function verdictLines(verdict: GateVerdict, heading: string): string[] {
  const lines = [
    heading,
    verdict.compliant ? 'Compliant: every window is inside the allowed hours for every contact.' : `Not compliant: ${verdict.violations.length} violation(s).`,
  ];
  if (verdict.violations.length > 0) {
    lines.push(
      ...formatTable(verdict.violations, [
        { title: 'RULE', value: (v) => v.rule },
        { title: 'ZONE', value: (v) => v.timezone ?? '-' },
        { title: 'STATE', value: (v) => v.state ?? '-' },
        { title: 'CONTACTS', value: (v) => v.contacts, align: 'right' },
        { title: 'LOCAL', value: (v) => (v.localStart ? `${v.localStart}-${v.localEnd}` : '-') },
        { title: 'FIRST', value: (v) => v.firstDate ?? '-' },
        { title: 'WHY', value: (v) => v.message },
      ]),
    );
    const clipped = verdict.clip.filter((proposal) => proposal.localStart !== null);
    if (clipped.length > 0)
      lines.push(
        'Widest compliant window per zone:',
        ...clipped.map((p) => `  ${p.timezone}: ${p.localStart}-${p.localEnd}${p.skipDates.length ? ` (no calls on ${p.skipDates.join(', ')})` : ''}`),
      );
  }
  if (verdict.retryClip)
    lines.push(
      `Retries: up to ${verdict.retryClip.worstAttempts} calls to one contact within 24 h where ${verdict.retryClip.limit} are allowed; ` +
        `--clip keeps the attempts and retries every ${intervalText(verdict.retryClip.retryIntervalMs)} at the soonest (or cap max attempts at ${verdict.retryClip.maxAttempts}).`,
    );
  if (verdict.unknownTimezoneContacts > 0)
    lines.push(`${verdict.unknownTimezoneContacts} contact(s) have no known time zone (neither a timezone nor a US area code).`);
  return lines;
}

function conflictLines(conflicts: readonly ScheduleConflict[]): string[] {
  if (conflicts.length === 0) return ['No schedule conflicts.'];
  return conflicts.flatMap((conflict) => [
    `${conflict.first.name} (${conflict.first.id}) and ${conflict.second.name} (${conflict.second.id}): ${conflict.reasons.join(', ')}, ${conflict.overlaps.length} overlapping window(s)`,
    ...conflict.overlaps
      .slice(0, 3)
      .map((o) => `  ${o.first.localStart} – ${o.first.localEnd} (${o.first.timezone}) = ${o.second.localStart} – ${o.second.localEnd} (${o.second.timezone})`),
  ]);
}

/** `cxone-console schedule …`: the compliance gate and conflict detection of issue #15. */
export const scheduleCommand: CliCommandModule = {
  register(program: Command, context, run) {
    const schedule = program.command('schedule').description("Check a campaign's calling windows against calling-hour rules, and find conflicts");
    scheduleOptions(
      schedule
        .command('check <campaignId>')
        .description("The compliance verdict for a schedule over the campaign's own contacts and DNC settings (exit 0 compliant, 1 not, 2 usage)"),
    ).action(
      run(async (campaignId: string, flags: CheckFlags) => {
        const proposed = proposedSchedule(flags);
        if (!proposed.ok) return usage(context, [proposed.problem], flags.json);
        const connection = context.connect();
        try {
          // The campaign's blackout dates, when the data folder that keeps them is named.
          const dataDir = context.io.env.CXONE_DATA_DIR?.trim();
          const blackoutDates = dataDir ? blackoutDatesIn(join(dataDir, 'schedules')).get(blackoutTenantKey(connection.profile), campaignId) : [];
          const checked = await checkCampaignSchedule(connection, {
            campaignId,
            schedule: { ...proposed.schedule, blackoutDates },
            ...(flags.from ? { from: flags.from } : {}),
            days: flags.days,
            nowMs: Date.now(),
          });
          if (!checked.ok) return usage(context, checked.problems, flags.json);
          if (flags.json) writeJson(context.io, checked.verdict);
          else {
            const { schedule: checkedSchedule } = checked;
            const heading = `${checked.campaign.name} (${checked.campaign.id}): ${describeCron(checkedSchedule.cronExpression)} in ${checkedSchedule.timezone}, ${checked.verdict.windows.length} window(s) from ${checked.from}`;
            writeLines(context.io, verdictLines(checked.verdict, heading));
          }
          return checked.verdict.compliant ? exitCodes.success : exitCodes.someFailed;
        } finally {
          connection.close();
        }
      }),
    );
    scheduleOptions(
      schedule
        .command('apply <campaignId>')
        .description(
          'Store a schedule only if it passes the compliance gate, with the version that was read (exit 0 applied, 1 blocked or changed meanwhile, 2 usage)',
        )
        .option('--clip', 'narrow a failing window to the widest one every contact may be called in')
        .option('--dry-run', 'check and show what would be stored without writing')
        .option('--activate', 'take a draft campaign to running once the schedule is stored, and wait for it (then notify CXONE_WFM_WEBHOOK_URL when set)')
        .option('--blackout <YYYY-MM-DD>', 'a date with no dialing (repeatable); kept in the data folder for this campaign', collectDate),
    ).action(
      run(async (campaignId: string, flags: CheckFlags & { clip?: boolean; dryRun?: boolean; activate?: boolean; blackout?: string[] }) => {
        const proposed = proposedSchedule(flags);
        if (!proposed.ok) return usage(context, [proposed.problem], flags.json);
        const session = await openScheduleApplier(context);
        try {
          const outcome = await session.applier.apply({
            campaignId,
            schedule: { ...proposed.schedule, ...(flags.blackout ? { blackoutDates: flags.blackout } : {}) },
            ...(flags.from ? { from: flags.from } : {}),
            days: flags.days,
            nowMs: Date.now(),
            clip: flags.clip === true,
            dryRun: flags.dryRun === true,
            activate: flags.activate === true,
            actor: session.actor,
          });
          if (outcome.kind === 'invalid') return usage(context, outcome.problems, flags.json);
          if (flags.json) writeJson(context.io, outcome.kind === 'applied' ? { ...outcome, campaign: undefined, version: outcome.campaign.version } : outcome);
          else writeLines(context.io, applyLines(outcome));
          if (outcome.kind === 'applied' && outcome.activation?.status === 'failed') return exitCodes.someFailed;
          return outcome.kind === 'applied' || outcome.kind === 'dry_run' ? exitCodes.success : exitCodes.someFailed;
        } finally {
          await session.close();
        }
      }),
    );
    schedule
      .command('conflicts')
      .description('Campaigns sharing a contact list or agents whose calling windows overlap (exit 0 none, 1 some)')
      .option('--from <YYYY-MM-DD>', 'first day, from 00:00 UTC (default: now)', dateOption)
      .option('--days <n>', 'how many days to look ahead', daysOption, 14)
      .option('--json', 'print the conflicts as one JSON array')
      .action(
        run(async (flags: { from?: string; days: number; json?: boolean }) => {
          const connection = context.connect();
          try {
            const fromMs = flags.from ? Date.parse(`${flags.from}T00:00:00Z`) : Date.now();
            const conflicts = await findScheduleConflicts(connection, { fromMs, days: flags.days });
            if (flags.json) writeJson(context.io, conflicts);
            else writeLines(context.io, conflictLines(conflicts));
            return conflicts.length === 0 ? exitCodes.success : exitCodes.someFailed;
          } finally {
            connection.close();
          }
        }),
      );
  },
};
