import type { RuleTickContext } from '../../../../electron/automation/automation-rule';
import type { DemoTenantHandle } from '../../../../electron/demo-tenant/index';
import type { TenantConnection } from '../../../../electron/tenant/ports';
import { capacityRuleSettingsSchema, type CapacityRuleSettings } from '../../../../shared/automation/automation-rules';
import type { CapacityMemory } from '../../../../shared/automation/capacity/capacity-memory';
import type { Agent, Campaign } from '../../../../shared/cxone/schemas';

/** The tenant's paced campaigns (running), in listing order. */
export const pacedCampaigns = (tenant: DemoTenantHandle): Campaign[] =>
  [...tenant.state.campaigns.values()].filter((campaign) => campaign.status === 'running');

/**
 * Deterministic availability: replaces the tenant's agents with `available[id]` available agents
 * skilled for each campaign named, plus one busy agent skilled for all of them (not counted).
 * With the dialer frozen (dialerTickMs 0) nobody drifts.
 */
export function setAvailableAgents(tenant: DemoTenantHandle, available: Record<string, number>): void {
  const agents: Agent[] = [];
  for (const [campaignId, count] of Object.entries(available)) {
    for (let i = 0; i < count; i++) {
      agents.push({
        userId: `agent-${campaignId}-${i}`,
        name: `Agent ${i} of ${campaignId}`,
        state: 'available',
        queueId: 'q-test',
        skills: [campaignId],
        stateSince: '2026-12-01T09:00:00.000Z',
      });
    }
  }
  agents.push({
    userId: 'agent-busy',
    name: 'Busy',
    state: 'on_call',
    queueId: 'q-test',
    skills: Object.keys(available),
    stateSince: '2026-12-01T09:00:00.000Z',
  });
  tenant.state.agents.splice(0, tenant.state.agents.length, ...agents);
}

/** Counts the PUTs of campaigns the tenant receives (server side, as they arrive). */
export function countPuts(tenant: DemoTenantHandle): { count: () => number; stop: () => void } {
  let puts = 0;
  const stop = tenant.onRequest((arrival) => {
    if (arrival.method === 'PUT' && arrival.path.startsWith('/api/v2/outbound/campaigns/')) puts++;
  });
  return { count: () => puts, stop };
}

let ticks = 0;

/** A tick context over the real tenant connection, as the engine would build it. */
export function tickContext(
  connection: TenantConnection,
  memory: CapacityMemory,
  changes: { dryRun?: boolean; settings?: Partial<CapacityRuleSettings>; signal?: AbortSignal } = {},
): RuleTickContext<CapacityRuleSettings, CapacityMemory> {
  return {
    tickId: `tick-${++ticks}`,
    settings: capacityRuleSettingsSchema.parse(changes.settings ?? {}),
    dryRun: changes.dryRun ?? false,
    signal: changes.signal ?? new AbortController().signal,
    now: () => Date.now(),
    tenant: { campaigns: connection.campaigns, realtimeAgents: connection.realtimeAgents, label: 'Demo tenant' },
    memory,
    fetchJson: () => Promise.reject(new Error('the capacity rule reads no feed')),
    progress: () => undefined,
  };
}
