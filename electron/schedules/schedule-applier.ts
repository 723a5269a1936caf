import type { AuditActor, AuditOutcome } from '../../shared/audit/audit-entry';
import type { Campaign } from '../../shared/cxone/schemas';
import { toConsoleError } from '../../shared/errors';
import type { GateVerdict } from '../../shared/schedules/compliance-gate';
import type { ActivationReport } from '../../shared/schedules/schedule-apply-result';
import type { AuditWriter } from '../audit/audit-writer';
import { awaitActivation, type ActivationPolling } from '../campaigns/await-activation';
import type { ScheduleUpdatedNotification } from '../outbox/notifications';
import type { CampaignsPort, RealtimeAgentsPort } from '../tenant/ports';
import { applySchedule, type ApplyOutcome, type ApplySchedulePorts, type ApplyScheduleRequest } from './apply-schedule';
import type { BlackoutDates } from './blackout-dates';
import { findScheduleConflicts } from './schedule-checks';

export interface ScheduleApplierPorts extends ApplySchedulePorts {
  campaigns: CampaignsPort;
  realtimeAgents: RealtimeAgentsPort;
}

/** Where the WFM `CAMPAIGN_SCHEDULE_UPDATED` notification goes: the one outbox, when a WFM URL is set. */
export interface WfmNotificationSink {
  enabled(): boolean;
  enqueue(body: ScheduleUpdatedNotification, dedupeKey: string): Promise<unknown>;
}

export interface ScheduleApplierOptions {
  ports: () => ScheduleApplierPorts;
  tenantId: () => string;
  tenantLabel: () => string;
  audit: AuditWriter;
  wfm: WfmNotificationSink;
  blackoutDates: BlackoutDates;
  activationPolling?: ActivationPolling;
  now?: () => number;
}

export interface ScheduleApplyCommand extends ApplyScheduleRequest {
  actor: AuditActor;
  /** Take a draft campaign to running once its schedule is stored (default true). */
  activate?: boolean;
  onActivation?: (report: ActivationReport) => void;
}

export type ScheduleApplyResult = ApplyOutcome & {
  activation?: ActivationReport;
  /** Why the WFM was not told, when it was not. */
  notification?: { sent: boolean; message: string };
};

const auditOutcomeOf = (outcome: ApplyOutcome, activation: ActivationReport | undefined): AuditOutcome => {
  if (outcome.kind !== 'applied') return outcome.kind === 'blocked' ? 'impossible' : 'skipped';
  return activation?.status === 'failed' || activation?.status === 'timed_out' ? 'partial' : 'success';
};

const verdictSummary = (verdict: GateVerdict) => ({
  compliant: verdict.compliant,
  violations: verdict.violations.map(({ rule, timezone, state, contacts, localStart, localEnd, firstDate }) => ({
    rule,
    timezone,
    state,
    contacts,
    localStart,
    localEnd,
    firstDate,
  })),
  windows: verdict.windows.length,
  unknownTimezoneContacts: verdict.unknownTimezoneContacts,
});

/**
 * Applies a schedule end to end: the gate and the versioned PUT (`applySchedule`), the blackout
 * dates kept beside it, activation of a draft campaign with the contract's polling (§4.2), the
 * WFM notification through the outbox (§5), and one audit entry that says what changed and who did it.
 */
export function createScheduleApplier(options: ScheduleApplierOptions) {
  const now = options.now ?? Date.now;

  const activate = async (campaign: Campaign, command: ScheduleApplyCommand): Promise<ActivationReport> => {
    if (campaign.status !== 'draft') {
      return { status: 'not_needed', latencyMs: null, message: `The campaign is ${campaign.status}; the new schedule applies as it is.` };
    }
    const ports = options.ports();
    const started = now();
    const report = (status: ActivationReport['status'], message: string): ActivationReport => {
      const done = { status, latencyMs: Math.round(now() - started), message };
      command.onActivation?.(done);
      return done;
    };
    command.onActivation?.({ status: 'activating', latencyMs: null, message: 'Asked the tenant to start dialing; waiting for it to be running.' });
    try {
      const asked = await ports.campaigns.setStatus(campaign.id, 'running', command.signal);
      const settled = asked.status === 'activating' ? await awaitActivation(ports.campaigns, campaign.id, command.signal, options.activationPolling) : asked;
      if (settled?.status === 'running') return report('running', 'The campaign is running.');
      if (settled?.status === 'failed') {
        return report(
          'failed',
          'Activation failed: the tenant could not start the campaign (for example its contact list is empty). Failed is final: fix the campaign and create it again.',
        );
      }
      return report('timed_out', `Still ${settled?.status ?? 'activating'} when the console stopped waiting; look again on the Campaigns screen.`);
    } catch (thrown) {
      return report('timed_out', `The tenant did not take the campaign to running: ${toConsoleError(thrown).message}`);
    }
  };

  const conflictsInvolve = async (campaignId: string, signal?: AbortSignal): Promise<boolean> => {
    const conflicts = await findScheduleConflicts(options.ports(), { fromMs: now(), days: 14 }, signal);
    return conflicts.some((conflict) => conflict.first.id === campaignId || conflict.second.id === campaignId);
  };

  const notify = async (campaign: Campaign, activation: ActivationReport, signal?: AbortSignal) => {
    if (activation.status !== 'running' && activation.status !== 'not_needed') return { sent: false, message: 'Not sent: the campaign is not running.' };
    if (activation.status === 'not_needed' && campaign.status !== 'running') return { sent: false, message: `Not sent: the campaign is ${campaign.status}.` };
    if (!options.wfm.enabled()) return { sent: false, message: 'Not sent: no WFM webhook URL is set in Settings.' };
    try {
      const conflictsDetected = await conflictsInvolve(campaign.id, signal);
      await options.wfm.enqueue(
        {
          eventType: 'CAMPAIGN_SCHEDULE_UPDATED',
          campaignId: campaign.id,
          activationLatencyMs: activation.latencyMs ?? 0,
          timestamp: new Date(now()).toISOString(),
          conflictsDetected,
        },
        `CAMPAIGN_SCHEDULE_UPDATED ${campaign.id} ${campaign.version}`,
      );
      return { sent: true, message: 'Queued for the WFM.' };
    } catch (thrown) {
      return { sent: false, message: `Not sent: ${toConsoleError(thrown).message}` };
    }
  };

  return {
    /** The blackout dates kept for a campaign, for the screen and the gate. */
    blackoutDatesOf: (campaignId: string) => options.blackoutDates.get(options.tenantId(), campaignId),

    async apply(command: ScheduleApplyCommand): Promise<ScheduleApplyResult> {
      const blackoutDates = command.schedule.blackoutDates ?? options.blackoutDates.get(options.tenantId(), command.campaignId);
      const outcome = await applySchedule(options.ports(), { ...command, schedule: { ...command.schedule, blackoutDates } });
      if (outcome.kind === 'invalid' || outcome.kind === 'dry_run') return outcome;
      let result: ScheduleApplyResult = outcome;
      if (outcome.kind === 'applied') {
        options.blackoutDates.set(options.tenantId(), command.campaignId, blackoutDates);
        const activation = command.activate === false ? undefined : await activate(outcome.campaign, command);
        const notification = activation ? await notify(outcome.campaign, activation, command.signal) : undefined;
        result = { ...outcome, ...(activation ? { activation } : {}), ...(notification ? { notification } : {}) };
      }
      await options.audit.append({
        actor: command.actor,
        tenant: options.tenantLabel(),
        action: 'campaign.schedule_apply',
        target: { type: 'campaign', id: command.campaignId, ...(outcome.kind === 'applied' ? { name: outcome.campaign.name } : {}) },
        ...(outcome.kind === 'applied' ? { before: outcome.before, after: outcome.after } : {}),
        ...(outcome.kind === 'schedule_changed' ? { before: outcome.theirs, after: outcome.ours } : {}),
        outcome: auditOutcomeOf(outcome, result.activation),
        ...(outcome.kind === 'blocked' ? { reason: 'The schedule does not pass the compliance gate.' } : {}),
        ...(outcome.kind === 'schedule_changed' ? { reason: 'Someone changed the schedule meanwhile; nothing was written.' } : {}),
        ...(result.activation?.latencyMs != null ? { latencyMs: result.activation.latencyMs } : {}),
        details: {
          verdict: verdictSummary(outcome.verdict),
          blackoutDates,
          ...(outcome.kind === 'applied' ? { clipped: outcome.clipped, attempts: outcome.attempts, version: outcome.campaign.version } : {}),
          ...(result.activation ? { activation: result.activation } : {}),
          ...(result.notification ? { notification: result.notification } : {}),
        },
      });
      return result;
    },
  };
}
export type ScheduleApplier = ReturnType<typeof createScheduleApplier>;
