import type { AuditActor } from '../../shared/audit/audit-entry';
import type { Campaign } from '../../shared/cxone/schemas';
import { nextCallingWindows } from '../../shared/schedules/calling-windows';
import { describeCron } from '../../shared/schedules/cron';
import { isKnownZone } from '../../shared/schedules/local-time';
import type { ScheduleEdit, ScheduledCampaignRow } from '../../shared/schedules/schedule-views';
import { staffingTimeline } from '../../shared/schedules/staffing-timeline';
import { ConsoleFailure, type ConsoleError } from '../../shared/errors';
import type { RequestHandlers } from '../ipc/handlers';
import type { ScheduleApplier, ScheduleApplierPorts } from './schedule-applier';
import { checkCampaignSchedule, findScheduleConflicts } from './schedule-checks';
import type { RunProgressOf } from '../../shared/runs/run-progress';
import { activationRunId, type ActivationReport } from '../../shared/schedules/schedule-apply-result';

type SchedulesChannel = 'schedules:list' | 'schedules:get' | 'schedules:check' | 'schedules:apply' | 'schedules:conflicts' | 'schedules:timeline';

export interface SchedulesHandlerOptions {
  ports: () => ScheduleApplierPorts;
  applier: ScheduleApplier;
  actor: AuditActor;
  onActivation?: (campaignId: string, report: ActivationReport) => void;
  now?: () => number;
  /**
   * Why the connected tenant has no schedules to check or apply (the Admin API), or null. The
   * campaign list still answers; every other channel refuses with this `not_available`.
   */
  unavailable?: () => ConsoleError | null;
}

/** Activation after an apply as one run of kind `schedule` on `runs:progress`: one item, the campaign. */
export function activationProgress(campaignId: string, report: ActivationReport): RunProgressOf<'schedule'> {
  const state = report.status === 'activating' ? 'running' : report.status === 'failed' || report.status === 'timed_out' ? 'failed' : 'finished';
  return {
    kind: 'schedule',
    runId: activationRunId(campaignId),
    done: state === 'running' ? 0 : 1,
    total: 1,
    counts: state === 'running' ? {} : { [report.status]: 1 },
    note: report.message,
    state,
  };
}

const viewerZoneOf = (zone: string) => (isKnownZone(zone) ? zone : 'UTC');

/** The schedule fields the gate reads, from what the screen sends. */
const windowFieldsOf = (edit: ScheduleEdit) => ({
  timezone: edit.timezone,
  cronExpression: edit.cronExpression,
  windowMinutes: edit.windowMinutes,
  blackoutDates: edit.blackoutDates,
});

const rowOf = (campaign: Campaign): ScheduledCampaignRow => ({
  id: campaign.id,
  name: campaign.name,
  status: campaign.status,
  timezone: campaign.schedule?.timezone ?? null,
  cronExpression: campaign.schedule?.cronExpression ?? null,
  description: campaign.schedule ? describeCron(campaign.schedule.cronExpression) : 'No schedule',
  windowMinutes: campaign.schedule ? (campaign.schedule.windowMinutes ?? 480) : null,
  agentAllocation: campaign.agentAllocation,
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** The Schedules screen's channels over the tenant, the gate and the applier. */
export function createSchedulesHandlers(options: SchedulesHandlerOptions): Pick<RequestHandlers, SchedulesChannel> {
  const now = options.now ?? Date.now;
  const available = () => {
    const reason = options.unavailable?.() ?? null;
    if (reason) throw new ConsoleFailure(reason);
  };
  return {
    'schedules:list': async () => (await collect(options.ports().campaigns.list({ pageSize: 500 }))).map(rowOf).sort((a, b) => a.name.localeCompare(b.name)),

    'schedules:get': async ({ campaignId, viewerZone }) => {
      available();
      const campaign = await options.ports().campaigns.get(campaignId);
      const blackoutDates = options.applier.blackoutDatesOf(campaignId);
      const schedule = campaign.schedule;
      return {
        campaign: { id: campaign.id, name: campaign.name, status: campaign.status, version: campaign.version, agentAllocation: campaign.agentAllocation },
        schedule,
        blackoutDates,
        description: schedule ? describeCron(schedule.cronExpression) : 'No schedule',
        viewerZone: viewerZoneOf(viewerZone),
        nextWindows: schedule ? nextCallingWindows({ ...schedule, blackoutDates }, now(), 10, viewerZoneOf(viewerZone)) : [],
      };
    },

    'schedules:check': async (request) => {
      available();
      const checked = await checkCampaignSchedule(options.ports(), {
        campaignId: request.campaignId,
        schedule: windowFieldsOf(request.schedule),
        ...(request.schedule.retryPolicy ? { retryPolicy: request.schedule.retryPolicy } : {}),
        ...(request.from ? { from: request.from } : {}),
        days: request.days,
        nowMs: now(),
      });
      if (!checked.ok) return { ok: false, problems: checked.problems };
      return {
        ok: true,
        verdict: checked.verdict,
        description: describeCron(checked.schedule.cronExpression),
        nextWindows: nextCallingWindows(checked.schedule, now(), 10, viewerZoneOf(request.viewerZone)),
      };
    },

    'schedules:apply': async (request) => {
      available();
      return options.applier.apply({
        campaignId: request.campaignId,
        schedule: windowFieldsOf(request.schedule),
        ...(request.schedule.retryPolicy ? { retryPolicy: request.schedule.retryPolicy } : {}),
        ...(request.from ? { from: request.from } : {}),
        days: request.days,
        nowMs: now(),
        clip: request.clip,
        dryRun: request.dryRun,
        activate: request.activate,
        ...(request.base !== undefined ? { base: request.base } : {}),
        actor: options.actor,
        onActivation: (report) => options.onActivation?.(request.campaignId, report),
      });
    },

    'schedules:conflicts': async ({ days }) => {
      available();
      return findScheduleConflicts(options.ports(), { fromMs: now(), days });
    },

    'schedules:timeline': async ({ days }) => {
      available();
      const ports = options.ports();
      const campaigns = (await collect(ports.campaigns.list({ pageSize: 500 }))).filter(
        (campaign) => campaign.schedule !== null && campaign.status !== 'completed' && campaign.status !== 'failed',
      );
      const agents = await collect(ports.realtimeAgents.agents());
      return staffingTimeline(campaigns, agents, { fromMs: now(), days });
    },
  };
}
