import { campaignDefinitionSchema, defaultWindowMinutes, type Campaign, type RetryPolicy, type Schedule } from '../../shared/cxone/schemas';
import { toConsoleError } from '../../shared/errors';
import { todayIn, type ScheduleProblem, type WindowSchedule } from '../../shared/schedules/calling-windows';
import { checkSchedule, type GateVerdict } from '../../shared/schedules/compliance-gate';
import { isKnownZone, localIso, startOfLocalDate } from '../../shared/schedules/local-time';
import { proposeScheduleClip, type ScheduleClip } from '../../shared/schedules/schedule-clip';
import type { CampaignsPort } from '../tenant/ports';
import { gateInputOf, readGateSubject, scheduleFor, type GateSubject, type ScheduleCheckPorts, type ScheduleCheckRequest } from './schedule-checks';

export interface ApplySchedulePorts extends ScheduleCheckPorts {
  campaigns: Pick<CampaignsPort, 'get' | 'replace'>;
}

export interface ApplyScheduleRequest extends ScheduleCheckRequest {
  /** When the gate fails, narrow the window to the widest one every contact may be called in, and check again. */
  clip: boolean;
  dryRun: boolean;
  /**
   * The stored schedule the lead's edit started from (the screen's read). When given and the
   * campaign's schedule is no longer that, nothing is written and both versions go back.
   */
  base?: Schedule | null;
  /** PUTs tried when the version keeps moving under us (§4.4). */
  maxAttempts?: number;
}

export type ApplyOutcome =
  | { kind: 'invalid'; problems: ScheduleProblem[] }
  | { kind: 'blocked'; verdict: GateVerdict; clip: ScheduleClip | null }
  | { kind: 'dry_run'; verdict: GateVerdict; before: Schedule | null; after: Schedule; clipped: boolean }
  | { kind: 'applied'; verdict: GateVerdict; before: Schedule | null; after: Schedule; clipped: boolean; campaign: Campaign; attempts: number }
  /** Someone changed the schedule itself since it was read: both are returned and nothing is written. */
  | { kind: 'schedule_changed'; verdict: GateVerdict; ours: Schedule; theirs: Schedule | null; version: number };

const defaultRetryPolicy: RetryPolicy = { maxAttempts: 3, retryIntervalMs: 60_000, retryOnBusy: true, retryOnNoAnswer: true };

/** The full contract schedule to store: the checked window fields over whatever else the campaign already had. */
function storedScheduleOf(current: Schedule | null, checked: WindowSchedule, from: string, retryPolicy: RetryPolicy | undefined): Schedule {
  const opening = startOfLocalDate(from, checked.timezone);
  return {
    timezone: checked.timezone,
    cronExpression: checked.cronExpression,
    windowMinutes: checked.windowMinutes ?? defaultWindowMinutes,
    startTime: current?.startTime ?? localIso(opening, checked.timezone),
    endTime: current?.endTime ?? localIso(opening + 365 * 24 * 3600_000, checked.timezone),
    retryPolicy: retryPolicy ?? current?.retryPolicy ?? defaultRetryPolicy,
  };
}

const scheduleText = (schedule: Schedule | null) =>
  schedule === null
    ? 'null'
    : JSON.stringify([schedule.timezone, schedule.cronExpression, schedule.windowMinutes ?? null, schedule.startTime, schedule.endTime, schedule.retryPolicy]);

const dncText = (campaign: Campaign) => JSON.stringify([campaign.dncListId, campaign.dncRules.map((rule) => rule.type).sort()]);

const isStaleVersion = (thrown: unknown) => toConsoleError(thrown).code === 'STALE_VERSION';

/**
 * Applies a schedule only through the gate: checked, optionally clipped, then PUT with the
 * version that was read. On STALE_VERSION the campaign is re-read and only the schedule is
 * re-applied on top; when the schedule itself changed meanwhile nothing is written and both
 * versions go back to the lead; when the DNC settings changed the gate runs again first.
 */
export async function applySchedule(ports: ApplySchedulePorts, request: ApplyScheduleRequest): Promise<ApplyOutcome> {
  const subject = await readGateSubject(ports, request.campaignId, request.signal);
  let proposed = scheduleFor(subject.campaign, request.schedule);
  const from = request.from ?? todayIn(isKnownZone(proposed.timezone) ? proposed.timezone : 'UTC', request.nowMs);
  const range = { from, days: request.days };
  let retryPolicy = request.retryPolicy;
  const first = checkSchedule(gateInputOf(subject, proposed, range, retryPolicy));
  if (!first.ok) return { kind: 'invalid', problems: first.problems };
  let verdict = first.verdict;
  let clipped = false;
  if (!verdict.compliant && request.clip) {
    let narrowed = proposed;
    let clip: ScheduleClip | null = null;
    if (verdict.violations.some((violation) => violation.rule !== 'STATE_CALLS_PER_24H')) {
      clip = proposeScheduleClip(gateInputOf(subject, proposed, range, retryPolicy));
      if (!clip) return { kind: 'blocked', verdict, clip: null };
      narrowed = { ...proposed, cronExpression: clip.cronExpression, windowMinutes: clip.windowMinutes };
    }
    let again = checkSchedule(gateInputOf(subject, narrowed, range, retryPolicy));
    // Too many attempts per 24 h for a state: keep the attempts and spread them (the verdict's retryClip).
    if (again.ok && again.verdict.retryClip) {
      const policy = retryPolicy ?? subject.campaign.schedule?.retryPolicy ?? defaultRetryPolicy;
      retryPolicy = { ...policy, retryIntervalMs: again.verdict.retryClip.retryIntervalMs };
      again = checkSchedule(gateInputOf(subject, narrowed, range, retryPolicy));
    }
    if (!again.ok || !again.verdict.compliant) return { kind: 'blocked', verdict: again.ok ? again.verdict : verdict, clip };
    proposed = narrowed;
    verdict = again.verdict;
    clipped = true;
  }
  if (!verdict.compliant) return { kind: 'blocked', verdict, clip: null };

  const before = subject.campaign.schedule;
  const after = storedScheduleOf(before, proposed, from, retryPolicy);
  if (request.base !== undefined && scheduleText(request.base) !== scheduleText(before)) {
    return { kind: 'schedule_changed', verdict, ours: after, theirs: before, version: subject.campaign.version };
  }
  if (request.dryRun) return { kind: 'dry_run', verdict, before, after, clipped };
  return putSchedule(ports, subject, { proposed, retryPolicy, range, after, before, verdict, clipped }, request);
}

interface Checked {
  proposed: WindowSchedule;
  retryPolicy: RetryPolicy | undefined;
  range: { from: string; days: number };
  after: Schedule;
  before: Schedule | null;
  verdict: GateVerdict;
  clipped: boolean;
}

async function putSchedule(ports: ApplySchedulePorts, subject: GateSubject, checked: Checked, request: ApplyScheduleRequest): Promise<ApplyOutcome> {
  const maxAttempts = request.maxAttempts ?? 3;
  let current = subject.campaign;
  let verdict = checked.verdict;
  for (let attempt = 1; ; attempt++) {
    try {
      const definition = campaignDefinitionSchema.parse(current);
      const campaign = await ports.campaigns.replace(current.id, { ...definition, schedule: checked.after, version: current.version }, request.signal);
      return { kind: 'applied', verdict, before: checked.before, after: checked.after, clipped: checked.clipped, campaign, attempts: attempt };
    } catch (thrown) {
      if (!isStaleVersion(thrown) || attempt >= maxAttempts) throw thrown;
    }
    const fresh = await ports.campaigns.get(current.id, request.signal);
    if (scheduleText(fresh.schedule) !== scheduleText(checked.before)) {
      return { kind: 'schedule_changed', verdict, ours: checked.after, theirs: fresh.schedule, version: fresh.version };
    }
    if (dncText(fresh) !== dncText(current)) {
      const dncList = fresh.dncListId === subject.campaign.dncListId ? subject.dncList : (await readGateSubject(ports, fresh.id, request.signal)).dncList;
      const again = checkSchedule(gateInputOf({ ...subject, campaign: fresh, dncList }, checked.proposed, checked.range, checked.retryPolicy));
      if (!again.ok || !again.verdict.compliant)
        return again.ok ? { kind: 'blocked', verdict: again.verdict, clip: null } : { kind: 'invalid', problems: again.problems };
      verdict = again.verdict;
    }
    current = fresh;
  }
}
