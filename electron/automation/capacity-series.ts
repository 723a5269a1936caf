import type { AutomationDecision, CapacitySeries } from '../../shared/automation/automation-rules';

/**
 * The capacity chart from the capacity rule's decisions (oldest first per campaign): the agents it
 * saw available and the limit in force after the decision (the new one once written, else the old one).
 */
export function capacitySeriesOf(decisions: readonly AutomationDecision[]): CapacitySeries {
  const byCampaign = new Map<string, CapacitySeries[number]>();
  const ordered = [...decisions].sort((a, b) => a.at.localeCompare(b.at));
  for (const decision of ordered) {
    const { availableAgents, oldLimit, newLimit } = decision.evidence;
    if (decision.ruleId !== 'capacity' || decision.dryRun || availableAgents === undefined) continue;
    const written = decision.outcome === 'applied' && newLimit !== undefined;
    const limit = written ? newLimit : (oldLimit ?? null);
    let series = byCampaign.get(decision.campaignId);
    if (!series) {
      series = { campaignId: decision.campaignId, ...(decision.campaignName ? { campaignName: decision.campaignName } : {}), points: [] };
      byCampaign.set(decision.campaignId, series);
    }
    if (decision.campaignName) series.campaignName = decision.campaignName;
    series.points.push({ at: decision.at, availableAgents, limit });
  }
  return [...byCampaign.values()];
}
