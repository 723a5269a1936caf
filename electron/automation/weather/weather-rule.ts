import type { AutomationDecision, WeatherRuleSettings } from '../../../shared/automation/automation-rules';
import { weatherRuleSettingsSchema } from '../../../shared/automation/automation-rules';
import { parseAlertFeed } from '../../../shared/automation/weather/alert-feed';
import { initialWeatherMemory, weatherHolds, weatherMemorySchema, type WeatherMemory } from '../../../shared/automation/weather/weather-memory';
import { forgetPause, planWeather, recordPause, type WeatherCampaign, type WeatherStep } from '../../../shared/automation/weather/weather-planner';
import type { Campaign } from '../../../shared/cxone/schemas';
import { describeError, toConsoleError } from '../../../shared/errors';
import { notSentOnCancel, stopSignalOf, type AutomationRule, type RuleTickContext, type RuleTickOutcome } from '../automation-rule';
import { applyWeatherStep } from './apply-weather-step';

export type { WeatherMemory };

type WeatherContext = RuleTickContext<WeatherRuleSettings, WeatherMemory>;

const asWeatherCampaign = (campaign: Campaign): WeatherCampaign => ({
  id: campaign.id,
  name: campaign.name,
  status: campaign.status,
  version: campaign.version,
  region: campaign.customAttributes.region?.trim() ? campaign.customAttributes.region : null,
});

async function listCampaigns(context: WeatherContext): Promise<Campaign[]> {
  const campaigns: Campaign[] = [];
  for await (const campaign of context.tenant.campaigns.list(undefined, stopSignalOf(context))) campaigns.push(campaign);
  return campaigns;
}

/** A tick that could not read what it decides on: nothing paused, nothing resumed, the memory as it was. */
const nothingDone = (context: WeatherContext, problem: string): RuleTickOutcome<WeatherMemory> => ({ decisions: [], memory: context.memory, problem });

function decisionOf(context: WeatherContext, step: WeatherStep, outcome: AutomationDecision['outcome'], reason: string, error?: string): AutomationDecision {
  return {
    ruleId: 'weather',
    tickId: context.tickId,
    at: new Date(context.now()).toISOString(),
    campaignId: step.campaignId,
    campaignName: step.campaignName,
    action: step.action,
    outcome,
    reason,
    dryRun: context.dryRun,
    evidence: { alerts: step.alerts, region: step.region, ...(step.resumesAt ? { resumesAt: step.resumesAt } : {}) },
    ...(error ? { error } : {}),
  };
}

/** A person cancelled the run while it read: nothing was decided, so there is nothing to report beyond the engine's note. */
const cancelledEarly = (context: WeatherContext): RuleTickOutcome<WeatherMemory> | null =>
  context.cancelled?.aborted ? { decisions: [], memory: context.memory } : null;

async function tick(context: WeatherContext): Promise<RuleTickOutcome<WeatherMemory>> {
  const { settings } = context;
  let document: unknown;
  try {
    document = await context.fetchJson(settings.alertsUrl, stopSignalOf(context));
  } catch (thrown) {
    const cancelled = cancelledEarly(context);
    if (cancelled) return cancelled;
    return nothingDone(
      context,
      `The alerts feed could not be read (${describeError(toConsoleError(thrown))}); nothing was paused or resumed, it is tried again next tick.`,
    );
  }
  const feed = parseAlertFeed(document);
  if (!feed.ok) return nothingDone(context, `${feed.error} Nothing was paused or resumed; it is tried again next tick.`);

  let campaigns: Campaign[];
  try {
    campaigns = await listCampaigns(context);
  } catch (thrown) {
    const cancelled = cancelledEarly(context);
    if (cancelled) return cancelled;
    return nothingDone(context, `The campaigns could not be listed (${describeError(toConsoleError(thrown))}); nothing was paused or resumed.`);
  }

  const plan = planWeather({
    alerts: feed.value,
    campaigns: campaigns.map(asWeatherCampaign),
    memory: context.memory,
    now: context.now(),
    severity: settings.severity,
    holdDownMinutes: settings.holdDownMinutes,
  });

  const decisions: AutomationDecision[] = [];
  let memory = plan.memory;
  const writes = plan.steps.filter((step) => step.write !== null);
  let done = 0;
  for (const step of plan.steps) {
    if (step.write === null) {
      decisions.push(decisionOf(context, step, step.outcome ?? 'unchanged', step.reason));
      continue;
    }
    if (context.dryRun) {
      decisions.push(decisionOf(context, step, 'would-apply', step.reason));
      continue;
    }
    if (context.cancelled?.aborted) {
      decisions.push(decisionOf(context, step, 'skipped', notSentOnCancel));
      continue;
    }
    if (context.signal.aborted) {
      decisions.push(decisionOf(context, step, 'skipped', 'The tick was stopped before this change.'));
      continue;
    }
    const applied = await applyWeatherStep(context.tenant.campaigns, step, context.signal, context.now);
    if (applied.kind === 'paused') memory = recordPause(memory, step, applied.version, context.now());
    if (applied.kind === 'resumed' || applied.kind === 'released') memory = forgetPause(memory, step.campaignId);
    decisions.push(decisionOf(context, step, applied.outcome, applied.reason, applied.error));
    context.progress(++done, writes.length, step.campaignName);
  }

  return { decisions, memory: context.dryRun ? context.memory : memory };
}

/** Severe-weather auto-pause: pauses running campaigns in regions under an alert and resumes what it paused once the weather is over. */
export function createWeatherRule(): AutomationRule<WeatherRuleSettings, WeatherMemory> {
  return {
    id: 'weather',
    title: 'Severe-weather auto-pause',
    settingsSchema: weatherRuleSettingsSchema,
    memorySchema: weatherMemorySchema,
    initialMemory: initialWeatherMemory,
    holds: (memory, settings) => weatherHolds(memory, settings.holdDownMinutes),
    tick,
  };
}
