// One capacity tick at the size issue 16 names: 500 campaigns, 2,000 agents, the demo tenant's
// rate limit. Prints nothing itself and asserts nothing; scripts/bench/index.ts prints what it returns.
import { createCapacityRule, type CapacityMemory } from '../../electron/automation/capacity/capacity-rule';
import { startDemoTenant, type DemoTenantHandle } from '../../electron/demo-tenant/index';
import { connectTenant } from '../../electron/tenant/connect';
import type { TenantConnection } from '../../electron/tenant/ports';
import { demoProfile } from '../../electron/tenant-session/demo-profile';
import { capacityRuleSettingsSchema, type CapacityRuleSettings } from '../../shared/automation/automation-rules';

export interface CapacityTickFigures {
  campaigns: number;
  agents: number;
  writes: number;
  /** Every API request the tenant received in the tick (token excluded), by kind. */
  requests: { agentPages: number; campaignPages: number; puts: number; gets: number; total: number };
  rateLimited: number;
  wallMs: number;
  /** writes ÷ tenant rate: no tick that makes these writes can be faster. */
  floorMs: number;
  wallOverFloor: number | null;
  outcomes: Record<string, number>;
}

export interface CapacityTickBench {
  rateLimitPerSecond: number;
  latencyMs: number;
  /** A tenant the rule never paced: nearly every campaign needs a write. */
  first: CapacityTickFigures;
  /** The same tenant right after: nothing changed, nothing is written. */
  steady: CapacityTickFigures;
  /** After the agents drift for one dialer step. */
  drifted: CapacityTickFigures;
  /** The simulation model on the drifted tenant (each distinct agent count and dialer simulated once). */
  simulation: CapacityTickFigures;
}

/** 400 campaigns dial and 100 are paused (left alone by the rule); each agent serves 1–4 of them, spread evenly. */
async function startCapacityTenant(options: { campaigns: number; agents: number; rateLimitPerSecond: number; latencyMs: number }): Promise<DemoTenantHandle> {
  const tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: options.campaigns, contactsPerCampaign: 2, agentCount: options.agents });
  const ids = [...tenant.state.campaigns.keys()];
  [...tenant.state.campaigns.values()].forEach((campaign, index) => {
    campaign.status = index % 5 === 4 ? 'paused' : 'running';
  });
  let seed = 16;
  const next = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 4_294_967_296;
  };
  for (const agent of tenant.state.agents) {
    const skills = new Set<string>();
    const count = 1 + Math.floor(next() * 4);
    while (skills.size < count) skills.add(ids[Math.floor(next() * ids.length)] as string);
    agent.skills = [...skills];
  }
  tenant.setKnobs({ latencyMs: options.latencyMs, rateLimitPerSecond: options.rateLimitPerSecond });
  return tenant;
}

async function measuredTick(
  tenant: DemoTenantHandle,
  connection: TenantConnection,
  memory: CapacityMemory,
  rate: number,
  settings: Partial<CapacityRuleSettings> = {},
): Promise<{ figures: CapacityTickFigures; memory: CapacityMemory }> {
  const rule = createCapacityRule();
  const requests = { agentPages: 0, campaignPages: 0, puts: 0, gets: 0, total: 0 };
  const stop = tenant.onRequest((arrival) => {
    if (!arrival.path.startsWith('/api/')) return;
    requests.total++;
    if (arrival.path.startsWith('/api/v2/realtime/agents')) requests.agentPages++;
    else if (arrival.method === 'PUT') requests.puts++;
    else if (arrival.path.startsWith('/api/v2/outbound/campaigns?')) requests.campaignPages++;
    else requests.gets++;
  });
  tenant.resetStats();
  const started = performance.now();
  const outcome = await rule.tick({
    tickId: 'bench',
    settings: capacityRuleSettingsSchema.parse(settings),
    dryRun: false,
    signal: new AbortController().signal,
    now: () => Date.now(),
    tenant: { campaigns: connection.campaigns, realtimeAgents: connection.realtimeAgents, label: 'Bench tenant' },
    memory,
    fetchJson: () => Promise.reject(new Error('no feed')),
    progress: () => undefined,
  });
  const wallMs = performance.now() - started;
  stop();
  const outcomes: Record<string, number> = {};
  for (const decision of outcome.decisions) outcomes[decision.outcome] = (outcomes[decision.outcome] ?? 0) + 1;
  const writes = outcomes.applied ?? 0;
  const floorMs = (writes / rate) * 1000;
  return {
    memory: outcome.memory,
    figures: {
      campaigns: outcome.decisions.length,
      agents: tenant.state.agents.length,
      writes,
      requests,
      rateLimited: tenant.stats().rateLimited,
      wallMs,
      floorMs,
      wallOverFloor: writes === 0 ? null : Math.round((wallMs / floorMs) * 100) / 100,
      outcomes,
    },
  };
}

export async function benchCapacityTick(
  options: { campaigns?: number; agents?: number; rateLimitPerSecond?: number; latencyMs?: number } = {},
): Promise<CapacityTickBench> {
  const rate = options.rateLimitPerSecond ?? 50;
  const latencyMs = options.latencyMs ?? 40;
  const tenant = await startCapacityTenant({ campaigns: options.campaigns ?? 500, agents: options.agents ?? 2000, rateLimitPerSecond: rate, latencyMs });
  const connection = connectTenant({ ...demoProfile(tenant), maxRequestsPerSecond: rate }, async () => tenant.clientSecret);
  try {
    const first = await measuredTick(tenant, connection, { campaigns: {} }, rate);
    const steady = await measuredTick(tenant, connection, first.memory, rate);
    tenant.tick();
    const drifted = await measuredTick(tenant, connection, steady.memory, rate);
    const simulation = await measuredTick(tenant, connection, drifted.memory, rate, { model: 'simulation' });
    return { rateLimitPerSecond: rate, latencyMs, first: first.figures, steady: steady.figures, drifted: drifted.figures, simulation: simulation.figures };
  } finally {
    connection.close();
    await tenant.close();
  }
}
