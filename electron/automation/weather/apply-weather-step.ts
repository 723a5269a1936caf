import type { AutomationDecision } from '../../../shared/automation/automation-rules';
import type { WeatherStep } from '../../../shared/automation/weather/weather-planner';
import { describeError } from '../../../shared/errors';
import { changeCampaignStatus } from '../../campaigns/status-changer';
import type { CampaignsPort } from '../../tenant/ports';

/**
 * How one write ended. `paused`: the campaign is paused and counts as the rule's (at `version`); `resumed`: it runs again;
 * `released`: it left the rule's hands without the rule's resume (completed meanwhile); `kept`: nothing changed, try next tick.
 */
export type AppliedStep = { outcome: AutomationDecision['outcome']; reason: string; error?: string } & (
  { kind: 'paused'; version: number } | { kind: 'resumed' } | { kind: 'released' } | { kind: 'kept' }
);

/** Reads the campaign back after an answer that did not say how the write ended (a 500 after the change, a lost connection). */
async function statusAfterAll(campaigns: CampaignsPort, id: string, signal: AbortSignal) {
  try {
    const campaign = await campaigns.get(id, signal);
    return { status: campaign.status, version: campaign.version };
  } catch {
    return null;
  }
}

/**
 * Pauses or resumes one campaign through changeCampaignStatus (contract §4.3: a 409 is re-read, already there counts as done).
 * As with the emergency pause, a campaign the rule saw running and finds paused after its own pause counts as the rule's
 * whatever the tenant answered, so it is resumed later and not left paused for good.
 */
export async function applyWeatherStep(campaigns: CampaignsPort, step: WeatherStep, signal: AbortSignal, now: () => number): Promise<AppliedStep> {
  const target = step.write === 'paused' ? 'paused' : 'running';
  const result = await changeCampaignStatus(campaigns, { id: step.campaignId, name: step.campaignName }, target, { signal, now });
  const error = result.error ? describeError(result.error) : result.outcome === 'failed' || result.outcome === 'cancelled' ? result.reason : undefined;

  if (result.outcome === 'changed' || result.outcome === 'already') {
    const note = result.outcome === 'already' ? ` (it was already ${target})` : '';
    if (target === 'paused') {
      const version = result.campaign?.version ?? (await statusAfterAll(campaigns, step.campaignId, signal))?.version ?? 0;
      return { kind: 'paused', version, outcome: 'applied', reason: `${step.reason}${note}` };
    }
    return { kind: 'resumed', outcome: 'applied', reason: `${step.reason}${note}` };
  }

  const after =
    result.outcome === 'impossible' && result.campaign
      ? { status: result.campaign.status, version: result.campaign.version }
      : await statusAfterAll(campaigns, step.campaignId, signal);
  if (after?.status === target) {
    const reason = `${step.reason} (the tenant's answer was lost; read back ${target})`;
    return target === 'paused' ? { kind: 'paused', version: after.version, outcome: 'applied', reason } : { kind: 'resumed', outcome: 'applied', reason };
  }
  if (result.outcome === 'impossible') {
    const reason = `Left alone: ${result.reason ?? `the tenant does not allow this change now.`}`;
    // A campaign the rule paused that can no longer run (completed) is no longer the rule's to resume.
    return target === 'running' && after?.status !== 'paused' ? { kind: 'released', outcome: 'skipped', reason } : { kind: 'kept', outcome: 'skipped', reason };
  }
  return {
    kind: 'kept',
    outcome: 'failed',
    reason: `Could not ${step.action} the campaign; tried again next tick.`,
    error: error ?? result.reason ?? 'The tenant did not say why.',
  };
}
