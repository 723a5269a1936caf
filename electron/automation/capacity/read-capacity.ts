import type { Agent, Campaign, CampaignStatus } from '../../../shared/cxone/schemas';
import type { CampaignsPort, RealtimeAgentsPort } from '../../tenant/ports';

/**
 * Campaigns the rule paces: those that dial (running). A paused campaign is left alone: a
 * write would move its version, and whoever paused it (a person, the emergency pause, the
 * weather rule) decides on resuming by that version; it is paced at the first tick after it
 * dials again. Drafts, activating, completed and failed campaigns do not dial on their
 * current rules either.
 */
export const pacedStatuses: readonly CampaignStatus[] = ['running'];

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** The paced campaigns (page style, largest pages) and every real-time agent (token style, §4.7), read side by side. */
export async function readCapacityInputs(
  tenant: { campaigns: Pick<CampaignsPort, 'list'>; realtimeAgents: RealtimeAgentsPort },
  signal: AbortSignal,
): Promise<{ campaigns: Campaign[]; agents: Agent[] }> {
  const [lists, agents] = await Promise.all([
    Promise.all(pacedStatuses.map((status) => collect(tenant.campaigns.list({ status, pageSize: 500 }, signal)))),
    collect(tenant.realtimeAgents.agents(signal)),
  ]);
  const byId = new Map<string, Campaign>();
  for (const campaign of lists.flat()) byId.set(campaign.id, campaign);
  return { campaigns: [...byId.values()], agents };
}
