import type { Agent } from '../../cxone/schemas';

/**
 * Available agents per campaign (contract §4.7): an agent counts for every campaign its
 * `skills` name, and only while its state is `available`. Campaigns no available agent
 * serves are present with 0, so the caller sees them all.
 */
export function availableAgentsByCampaign(agents: Iterable<Agent>, campaignIds: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of campaignIds) counts.set(id, 0);
  for (const agent of agents) {
    if (agent.state !== 'available') continue;
    for (const skill of new Set(agent.skills)) {
      const count = counts.get(skill);
      if (count !== undefined) counts.set(skill, count + 1);
    }
  }
  return counts;
}
