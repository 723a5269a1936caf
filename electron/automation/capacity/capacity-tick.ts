import type { AutomationDecision, CapacityRuleSettings } from '../../../shared/automation/automation-rules';
import { availableAgentsByCampaign } from '../../../shared/automation/capacity/available-agents';
import type { CapacityCampaignMemory, CapacityMemory } from '../../../shared/automation/capacity/capacity-memory';
import { confirmedEntry, heldEntry, holdReason, planCapacity } from '../../../shared/automation/capacity/capacity-plan';
import type { Campaign } from '../../../shared/cxone/schemas';
import { describeError, toConsoleError } from '../../../shared/errors';
import { mapWithConcurrency } from '../../concurrency/map-with-concurrency';
import { notSentOnCancel, stopSignalOf, type RuleTickContext, type RuleTickOutcome } from '../automation-rule';
import type { CapacityTargets } from './capacity-targets';
import { readCapacityInputs } from './read-capacity';
import { refusalText, writeConcurrentCallLimit } from './write-limit';

/** Campaigns worked at once: enough to keep the one rate limiter busy; pacing is its job. */
const concurrency = 8;

type Context = RuleTickContext<CapacityRuleSettings, CapacityMemory>;

interface CampaignOutcome {
  decision: AutomationDecision;
  /** The campaign's memory after this tick. */
  entry: CapacityCampaignMemory | undefined;
}

type DecisionFields = Pick<AutomationDecision, 'action' | 'outcome' | 'reason'> & { newLimit?: number; error?: string; oldLimit?: number };

/** A decision about one campaign, with the agents seen and the limits as evidence. */
const decisionFor =
  (context: Context, campaign: Campaign, available: number) =>
  (fields: DecisionFields): AutomationDecision => ({
    ruleId: 'capacity',
    tickId: context.tickId,
    at: new Date(context.now()).toISOString(),
    campaignId: campaign.id,
    campaignName: campaign.name,
    action: fields.action,
    outcome: fields.outcome,
    reason: fields.reason,
    dryRun: context.dryRun,
    evidence: {
      availableAgents: available,
      oldLimit: fields.oldLimit ?? campaign.rules.maxConcurrentCalls,
      ...(fields.newLimit !== undefined ? { newLimit: fields.newLimit } : {}),
    },
    ...(fields.error !== undefined ? { error: fields.error } : {}),
  });

/** A campaign a person's cancel kept from being paced: its limit stays as it was. */
const notSent = (context: Context, campaign: Campaign, available: number): CampaignOutcome => ({
  decision: decisionFor(context, campaign, available)({ action: 'keep', outcome: 'skipped', reason: notSentOnCancel }),
  entry: context.memory.campaigns[campaign.id],
});

/** One campaign: its target, the override check, and the write when the value changes. `stop` ends the work before the write, never during it. */
async function paceCampaign(context: Context, targets: CapacityTargets, campaign: Campaign, available: number, stop: AbortSignal): Promise<CampaignOutcome> {
  const now = new Date(context.now()).toISOString();
  const previous = context.memory.campaigns[campaign.id];
  const oldLimit = campaign.rules.maxConcurrentCalls;
  const decisionOf = (fields: DecisionFields): AutomationDecision => ({ ...decisionFor(context, campaign, available)(fields), at: now });

  let target;
  try {
    target = await targets.targetFor(available, campaign.dialerType, context.settings, stop);
  } catch (thrown) {
    if (context.cancelled?.aborted) return notSent(context, campaign, available);
    const error = describeError(toConsoleError(thrown));
    return { decision: decisionOf({ action: 'keep', outcome: 'failed', reason: `Could not work out the limit: ${error}`, error }), entry: previous };
  }

  const plan = planCapacity(previous, oldLimit, target.limit, now);
  if (plan.kind === 'hold') {
    return {
      decision: decisionOf({ action: 'keep', outcome: 'skipped', reason: holdReason(plan.personValue, plan.lastWritten, plan.since), newLimit: target.limit }),
      entry: heldEntry(previous, plan.lastWritten, plan.personValue, plan.since, campaign.name),
    };
  }
  if (plan.kind === 'unchanged') {
    return {
      decision: decisionOf({
        action: 'keep',
        outcome: 'unchanged',
        reason: `rules.maxConcurrentCalls is already ${plan.value} (${target.basis}).`,
        newLimit: target.limit,
      }),
      entry: previous && !previous.hold ? { ...previous, campaignName: campaign.name } : confirmedEntry(plan.value, now, campaign.name),
    };
  }
  const change = `rules.maxConcurrentCalls from ${plan.from} to ${plan.to} (${target.basis})`;
  if (context.dryRun) {
    return { decision: decisionOf({ action: 'set-limit', outcome: 'would-apply', reason: `Would set ${change}.`, newLimit: plan.to }), entry: previous };
  }
  if (context.cancelled?.aborted) return notSent(context, campaign, available);
  const written = await writeConcurrentCallLimit(context.tenant.campaigns, campaign, plan.to, context.signal);
  switch (written.kind) {
    case 'applied': {
      const retried = written.attempts > 1 ? `, on try ${written.attempts}: the campaign changed meanwhile and only the limit was applied again` : '';
      return {
        decision: decisionOf({ action: 'set-limit', outcome: 'applied', reason: `Set ${change}${retried}.`, newLimit: plan.to }),
        entry: confirmedEntry(plan.to, now, campaign.name),
      };
    }
    case 'changed-by-person': {
      const lastWritten = previous?.lastWritten ?? plan.from;
      return {
        // The limit in force is the person's, found on the re-read.
        decision: decisionOf({
          action: 'keep',
          outcome: 'skipped',
          reason: holdReason(written.personValue, lastWritten, now),
          newLimit: plan.to,
          oldLimit: written.personValue,
        }),
        entry: heldEntry(previous, lastWritten, written.personValue, now, campaign.name),
      };
    }
    case 'failed': {
      if (written.error.kind === 'not_available') {
        // The Admin API keeps no concurrent-call limit to write: nothing failed, there is nothing the rule can do here.
        return {
          decision: decisionOf({ action: 'keep', outcome: 'skipped', reason: `Not available on this tenant: ${written.error.message}`, newLimit: plan.to }),
          entry: previous,
        };
      }
      const error = refusalText(written.error);
      return {
        decision: decisionOf({
          action: 'set-limit',
          outcome: 'failed',
          reason: `Could not set ${change}: ${describeError(written.error)}`,
          newLimit: plan.to,
          error,
        }),
        entry: previous,
      };
    }
  }
}

/**
 * One capacity tick: read the paced campaigns and the real-time agents, count the available
 * agents per campaign, and pace each campaign (see paceCampaign). The new memory holds exactly
 * the paced campaigns; campaigns that stopped dialing for good are forgotten.
 */
export async function capacityTick(context: Context, targets: CapacityTargets): Promise<RuleTickOutcome<CapacityMemory>> {
  const stop = stopSignalOf(context);
  let inputs;
  try {
    inputs = await readCapacityInputs(context.tenant, stop);
  } catch (thrown) {
    // Cancelled while reading: nothing was decided, the engine says so.
    if (context.cancelled?.aborted) return { decisions: [], memory: context.memory };
    return {
      decisions: [],
      memory: context.memory,
      problem: `Could not read the campaigns and agents of ${context.tenant.label}: ${describeError(toConsoleError(thrown))}`,
    };
  }
  const { campaigns, agents } = inputs;
  if (campaigns.length === 0) return { decisions: [], memory: { campaigns: {} }, problem: 'No campaign is running: there is nothing to pace.' };

  const available = availableAgentsByCampaign(
    agents,
    campaigns.map((campaign) => campaign.id),
  );
  let done = 0;
  context.progress(0, campaigns.length);
  const { results } = await mapWithConcurrency(
    campaigns,
    concurrency,
    (campaign) => paceCampaign(context, targets, campaign, available.get(campaign.id) ?? 0, stop),
    {
      signal: stop,
      onResult: () => context.progress(++done, campaigns.length),
    },
  );

  const decisions: AutomationDecision[] = [];
  const remembered: CapacityMemory['campaigns'] = {};
  campaigns.forEach((campaign, index) => {
    // Not started because a person cancelled: said so per campaign; stopped by the deadline: counted in the problem.
    const outcome = results[index] ?? (context.cancelled?.aborted ? notSent(context, campaign, available.get(campaign.id) ?? 0) : undefined);
    const entry = outcome ? outcome.entry : context.memory.campaigns[campaign.id];
    if (entry) remembered[campaign.id] = entry;
    if (outcome) decisions.push(outcome.decision);
  });
  const stopped = context.cancelled?.aborted ? 0 : results.filter((outcome) => outcome === undefined).length;
  const unavailable = decisions.find((decision) => decision.reason.startsWith('Not available on this tenant'));
  const problem =
    stopped > 0
      ? `The tick was stopped before ${stopped} of ${campaigns.length} campaigns were paced.`
      : unavailable
        ? `No limit was set: ${unavailable.reason}`
        : undefined;
  return {
    decisions,
    memory: context.dryRun ? context.memory : { ...context.memory, campaigns: remembered },
    ...(problem !== undefined ? { problem } : {}),
  };
}
