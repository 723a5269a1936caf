import type { CampaignStatus } from '../../cxone/schemas';
import type { AlertSeverity } from '../automation-rules';
import { alertsByRegion, alertsInEffect } from './alerts-in-effect';
import { normalizeRegion } from './ugc-region';
import type { WeatherAlert } from './weather-alert';
import type { WeatherMemory, WeatherOverride, WeatherPause } from './weather-memory';

/** What the planner needs of a campaign. */
export interface WeatherCampaign {
  id: string;
  name: string;
  status: CampaignStatus;
  version: number;
  /** `customAttributes.region`; campaigns without one are never touched. */
  region: string | null;
}

export interface AlertEvidence {
  id: string;
  severity: string;
  event?: string;
  endsAt: string | null;
}

/** One planned decision: a write to make (`write`), or a reason to make none (`outcome`). */
export interface WeatherStep {
  campaignId: string;
  campaignName: string;
  action: 'pause' | 'resume' | 'keep';
  /** Set for pause and resume: the status to ask the tenant for. */
  write: 'paused' | 'running' | null;
  /** For a step without a write. */
  outcome: 'unchanged' | 'skipped' | null;
  reason: string;
  region: string;
  alerts: AlertEvidence[];
  /** For a campaign kept paused through the hold-down: when it resumes if no alert returns, ISO. */
  resumesAt?: string;
}

export interface WeatherPlanInput {
  alerts: readonly WeatherAlert[];
  campaigns: readonly WeatherCampaign[];
  memory: WeatherMemory;
  now: number;
  severity: AlertSeverity;
  holdDownMinutes: number;
}

export interface WeatherPlan {
  steps: WeatherStep[];
  /** The memory after this tick's observations, before its writes (see recordPause / recordResume). */
  memory: WeatherMemory;
  /** How many alerts are in effect at or above the threshold, by region. */
  inEffect: Map<string, WeatherAlert[]>;
}

const iso = (ms: number) => new Date(ms).toISOString();

export const evidenceOf = (alerts: readonly WeatherAlert[]): AlertEvidence[] =>
  alerts.map((alert) => ({
    id: alert.id,
    severity: alert.severity,
    ...(alert.event ? { event: alert.event } : {}),
    endsAt: alert.endsAt === null ? null : iso(alert.endsAt),
  }));

function describeAlerts(region: string, alerts: readonly WeatherAlert[]): string {
  const names = alerts.map((alert) => `${alert.event ?? alert.id} (${alert.severity}${alert.endsAt === null ? '' : `, until ${iso(alert.endsAt)}`})`);
  return `${alerts.length} alert${alerts.length === 1 ? '' : 's'} in effect for ${region}: ${names.join('; ')}`;
}

/**
 * Decides, for every campaign the weather concerns, whether to pause it, resume it or leave it, and why.
 * Pure: the same alerts, campaigns, memory and time give the same plan.
 *
 * - A running campaign in a region with an alert in effect is paused, unless a person resumed it during the alert (an override).
 * - The rule resumes only what it paused, still paused at the version its own pause left, once no alert has been in effect
 *   for the region for the hold-down (measured from the first tick that saw the region clear, so an alert that blinks out
 *   and back, or a feed that drops it for a while, restarts the wait instead of causing a resume).
 * - A campaign it paused that a person resumed becomes an override, held until the region is clear for the hold-down; one a
 *   person, the emergency pause or another rule paused (or paused again) is left alone and forgotten.
 */
export function planWeather(input: WeatherPlanInput): WeatherPlan {
  const { now, memory } = input;
  const holdDownMs = input.holdDownMinutes * 60_000;
  const inEffect = alertsByRegion(alertsInEffect(input.alerts, now, input.severity));
  const paused: Record<string, WeatherPause> = {};
  const overrides: Record<string, WeatherOverride> = {};
  const steps: WeatherStep[] = [];
  const listed = new Set<string>();

  const settled = (clearSince: string | null) => clearSince !== null && now - Date.parse(clearSince) >= holdDownMs;
  const resumeAt = (clearSince: string) => iso(Date.parse(clearSince) + holdDownMs);

  for (const campaign of input.campaigns) {
    listed.add(campaign.id);
    const pause = memory.paused[campaign.id];
    const override = memory.overrides[campaign.id];
    const region = campaign.region === null ? (pause?.region ?? override?.region ?? null) : normalizeRegion(campaign.region);
    if (region === null) continue;
    const alerts = inEffect.get(region) ?? [];
    const clearSinceFrom = (previous: string | null) => (alerts.length > 0 ? null : (previous ?? iso(now)));
    const step = (action: WeatherStep['action'], write: WeatherStep['write'], outcome: WeatherStep['outcome'], reason: string, resumesAt?: string) =>
      steps.push({
        campaignId: campaign.id,
        campaignName: campaign.name,
        action,
        write,
        outcome,
        reason,
        region,
        alerts: evidenceOf(alerts),
        ...(resumesAt ? { resumesAt } : {}),
      });

    if (pause) {
      const clearSince = clearSinceFrom(pause.clearSince);
      if (campaign.status === 'paused' && campaign.version === pause.version) {
        const kept = { ...pause, campaignName: campaign.name, region, clearSince, alertIds: alerts.length > 0 ? alerts.map((a) => a.id) : pause.alertIds };
        paused[campaign.id] = kept;
        if (alerts.length > 0) {
          step('keep', null, 'unchanged', `Kept paused: ${describeAlerts(region, alerts)}.`);
        } else if (settled(clearSince)) {
          step('resume', 'running', null, `Every alert for ${region} has ended and the ${input.holdDownMinutes}-minute hold-down has passed.`);
        } else {
          const resumesAt = resumeAt(clearSince as string);
          step('keep', null, 'unchanged', `Kept paused: the alerts for ${region} ended; resumes after the hold-down, at ${resumesAt}.`, resumesAt);
        }
      } else if (campaign.status === 'running' || campaign.status === 'activating') {
        if (!settled(clearSince)) {
          overrides[campaign.id] = { campaignName: campaign.name, region, since: iso(now), alertIds: pause.alertIds, clearSince };
          step('keep', null, 'skipped', `Resumed by a person while the weather in ${region} continues — not paused again until its alerts end.`);
        }
      } else if (campaign.status === 'paused') {
        step(
          'keep',
          null,
          'skipped',
          `Changed by a person or another rule since this rule paused it (version ${pause.version} → ${campaign.version}) — left alone; it is resumed by hand.`,
        );
      } else {
        step('keep', null, 'skipped', `Now ${campaign.status} — no longer this rule's to resume.`);
      }
      continue;
    }

    if (override) {
      const clearSince = clearSinceFrom(override.clearSince);
      if (!settled(clearSince)) {
        overrides[campaign.id] = { ...override, campaignName: campaign.name, region, clearSince };
        if (alerts.length > 0 && campaign.status === 'paused') step('keep', null, 'skipped', 'Paused by a person or another rule — left alone.');
        else if (alerts.length > 0)
          step('keep', null, 'skipped', `Resumed by a person during the weather in ${region} — the rule backs off until its alerts end.`);
        continue;
      }
      // The person's override has run its course: the campaign is the rule's to pause again at the next alert.
    }

    if (alerts.length === 0) continue;
    if (campaign.status === 'running') step('pause', 'paused', null, `${describeAlerts(region, alerts)}.`);
    else if (campaign.status === 'paused') step('keep', null, 'skipped', 'Paused by a person or another rule — left alone.');
    else if (campaign.status === 'activating') step('keep', null, 'skipped', 'Still activating — paused on a later tick once it runs.');
  }

  for (const [campaignId, pause] of Object.entries(memory.paused)) {
    if (listed.has(campaignId)) continue;
    steps.push({
      campaignId,
      campaignName: pause.campaignName ?? campaignId,
      action: 'keep',
      write: null,
      outcome: 'skipped',
      reason: 'No longer on the tenant — forgotten.',
      region: pause.region,
      alerts: evidenceOf(inEffect.get(pause.region) ?? []),
    });
  }

  return { steps, memory: { paused, overrides }, inEffect };
}

/** The memory after the rule's own pause of a campaign was confirmed at `version`. */
export function recordPause(memory: WeatherMemory, step: WeatherStep, version: number, now: number): WeatherMemory {
  const pause: WeatherPause = {
    campaignName: step.campaignName,
    region: step.region,
    pausedAt: new Date(now).toISOString(),
    version,
    alertIds: step.alerts.map((alert) => alert.id),
    clearSince: null,
  };
  const overrides = { ...memory.overrides };
  delete overrides[step.campaignId];
  return { paused: { ...memory.paused, [step.campaignId]: pause }, overrides };
}

/** The memory once the rule's resume of a campaign was confirmed (or the campaign left its hands). */
export function forgetPause(memory: WeatherMemory, campaignId: string): WeatherMemory {
  const paused = { ...memory.paused };
  delete paused[campaignId];
  return { ...memory, paused };
}
