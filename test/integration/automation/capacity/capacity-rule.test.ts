import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearCapacityHold, createCapacityRule } from '../../../../electron/automation/capacity/capacity-rule';
import type { DemoTenantHandle } from '../../../../electron/demo-tenant/index';
import type { TenantConnection } from '../../../../electron/tenant/ports';
import type { AutomationDecision } from '../../../../shared/automation/automation-rules';
import type { CapacityMemory } from '../../../../shared/automation/capacity/capacity-memory';
import type { Campaign } from '../../../../shared/cxone/schemas';
import { connectTo, startTenant } from '../../tenant/support';
import { countPuts, pacedCampaigns, setAvailableAgents, tickContext } from './support';

describe('capacity-based pacing against the demo tenant', () => {
  let tenant: DemoTenantHandle;
  let connection: TenantConnection;
  let running: Campaign;
  let other: Campaign;
  let pausedCampaign: Campaign;
  let puts: ReturnType<typeof countPuts>;
  const rule = createCapacityRule();

  beforeEach(async () => {
    // Activations never finish during a test, so the set of paced campaigns holds still.
    tenant = await startTenant({ activationMs: 600_000 });
    connection = connectTo(tenant);
    const paced = pacedCampaigns(tenant);
    running = paced.find((campaign) => campaign.status === 'running')!;
    other = paced.find((campaign) => campaign.id !== running.id)!;
    pausedCampaign = [...tenant.state.campaigns.values()].find((campaign) => campaign.status === 'paused')!;
    expect(running && other && pausedCampaign).toBeTruthy();
    setAvailableAgents(tenant, { [running.id]: 10, [other.id]: 5 });
    puts = countPuts(tenant);
  });
  afterEach(async () => {
    puts.stop();
    connection.close();
    await tenant.close();
  });

  const limitOf = (campaign: Campaign) => tenant.state.campaigns.get(campaign.id)!.rules.maxConcurrentCalls;
  const decisionFor = (decisions: AutomationDecision[], campaign: Campaign) => decisions.find((decision) => decision.campaignId === campaign.id)!;
  const holdsOf = (memory: CapacityMemory) => rule.holds(memory, rule.settingsSchema.parse({}));
  const tick = async (memory: CapacityMemory, changes: Parameters<typeof tickContext>[2] = {}) => rule.tick(tickContext(connection, memory, changes));

  it('sets available × 0.8 (at least 1, 0 with nobody) on running campaigns, leaves paused ones as they are, and writes nothing while nothing changes', async () => {
    const paced = pacedCampaigns(tenant);
    const others = paced.filter((campaign) => campaign.id !== running.id && campaign.id !== other.id);
    const notPaced = [...tenant.state.campaigns.values()].filter((campaign) => !paced.includes(campaign));
    const notPacedBefore = notPaced.map((campaign) => ({ ...campaign }));
    const needWrites = paced.filter((campaign) => campaign.rules.maxConcurrentCalls !== (campaign === running ? 8 : campaign === other ? 4 : 0)).length;

    const pausedBefore = { ...tenant.state.campaigns.get(pausedCampaign.id)! };
    const first = await tick(rule.initialMemory());
    // A paused campaign is not written: a write would move its version, and the weather rule resumes only what it paused at that version.
    expect(tenant.state.campaigns.get(pausedCampaign.id)).toEqual(pausedBefore);
    expect(limitOf(running)).toBe(8);
    expect(limitOf(other)).toBe(4);
    for (const campaign of others) expect(limitOf(campaign)).toBe(0);
    expect(notPaced.map((campaign) => tenant.state.campaigns.get(campaign.id))).toEqual(notPacedBefore);
    expect(puts.count()).toBe(needWrites);
    expect(first.decisions).toHaveLength(paced.length);
    expect(decisionFor(first.decisions, running)).toMatchObject({
      action: 'set-limit',
      outcome: 'applied',
      evidence: { availableAgents: 10, oldLimit: running.rules.maxConcurrentCalls, newLimit: 8 },
    });

    const second = await tick(first.memory);
    expect(puts.count()).toBe(needWrites);
    expect(second.decisions.every((decision) => decision.outcome === 'unchanged')).toBe(true);

    setAvailableAgents(tenant, { [running.id]: 1, [other.id]: 5 });
    const third = await tick(second.memory);
    expect(puts.count()).toBe(needWrites + 1);
    expect(limitOf(running)).toBe(1);
    expect(decisionFor(third.decisions, running)).toMatchObject({ outcome: 'applied', evidence: { availableAgents: 1, oldLimit: 8, newLimit: 1 } });
  });

  it('on a stale version re-reads and applies only the limit: a concurrent edit of another field survives', async () => {
    const stop = tenant.onRequest((arrival) => {
      if (arrival.method !== 'PUT' || !arrival.path.endsWith(`/${running.id}`)) return;
      stop();
      const current = tenant.state.campaigns.get(running.id)!;
      tenant.state.campaigns.set(running.id, { ...current, maxCallsPerHour: 999, version: current.version + 1 });
    });
    const outcome = await tick(rule.initialMemory());
    const stored = tenant.state.campaigns.get(running.id)!;
    expect(stored.maxCallsPerHour).toBe(999);
    expect(stored.rules.maxConcurrentCalls).toBe(8);
    expect(stored.version).toBe(running.version + 2);
    expect(decisionFor(outcome.decisions, running)).toMatchObject({ outcome: 'applied', reason: expect.stringMatching(/on try 2/) });
    expect(outcome.memory.campaigns[running.id]).toMatchObject({ lastWritten: 8 });
  });

  it('counts a PUT whose answer was lost as done: the retry meets STALE_VERSION and the re-read already has the limit', async () => {
    tenant.injectFaults({ match: { method: 'PUT', pathPrefix: `/api/v2/outbound/campaigns/${running.id}` }, kind: 'status', status: 500, afterHandler: true });
    const outcome = await tick(rule.initialMemory());
    expect(limitOf(running)).toBe(8);
    expect(tenant.state.campaigns.get(running.id)!.version).toBe(running.version + 1);
    expect(decisionFor(outcome.decisions, running)).toMatchObject({ outcome: 'applied' });
    expect(outcome.memory.campaigns[running.id]).toMatchObject({ lastWritten: 8 });
  });

  it('backs off when a person changes the limit itself between its read and its write', async () => {
    const stop = tenant.onRequest((arrival) => {
      if (arrival.method !== 'PUT' || !arrival.path.endsWith(`/${running.id}`)) return;
      stop();
      const current = tenant.state.campaigns.get(running.id)!;
      tenant.state.campaigns.set(running.id, { ...current, rules: { maxConcurrentCalls: 30 }, version: current.version + 1 });
    });
    const outcome = await tick(rule.initialMemory());
    expect(limitOf(running)).toBe(30);
    expect(decisionFor(outcome.decisions, running)).toMatchObject({
      action: 'keep',
      outcome: 'skipped',
      reason: expect.stringMatching(/to 30/),
      evidence: { oldLimit: 30, newLimit: 8 },
    });
    expect(holdsOf(outcome.memory).map((hold) => hold.campaignId)).toEqual([running.id]);
  });

  it('reports a value the tenant refuses as a failed decision naming rules.maxConcurrentCalls, and leaves the campaign as it was', async () => {
    tenant.setKnobs({ maxConcurrentCallsLimit: 6 });
    const before = { ...tenant.state.campaigns.get(running.id)! };
    const outcome = await tick(rule.initialMemory());
    const decision = decisionFor(outcome.decisions, running);
    expect(decision).toMatchObject({ action: 'set-limit', outcome: 'failed', evidence: { newLimit: 8 } });
    expect(decision.error).toMatch(/^rules\.maxConcurrentCalls: INVALID_VALUE .*at most 6/);
    expect(tenant.state.campaigns.get(running.id)).toEqual(before);
    expect(outcome.memory.campaigns[running.id]).toBeUndefined();
    expect(limitOf(other)).toBe(4);

    tenant.setKnobs({ maxConcurrentCallsLimit: undefined });
    const again = await tick(outcome.memory);
    expect(decisionFor(again.decisions, running).outcome).toBe('applied');
    expect(limitOf(running)).toBe(8);
  });

  it('holds a person’s value until the hold is cleared, then paces the campaign again', async () => {
    const first = await tick(rule.initialMemory());
    expect(limitOf(running)).toBe(8);

    const current = await connection.campaigns.get(running.id);
    const { id: _id, status: _status, createdAt: _createdAt, updatedAt: _updatedAt, ...definition } = current;
    await connection.campaigns.replace(running.id, { ...definition, rules: { maxConcurrentCalls: 20 } });
    const writesBefore = puts.count();

    const held = await tick(first.memory);
    expect(limitOf(running)).toBe(20);
    expect(decisionFor(held.decisions, running)).toMatchObject({
      action: 'keep',
      outcome: 'skipped',
      evidence: { availableAgents: 10, oldLimit: 20, newLimit: 8 },
      reason: expect.stringMatching(/set rules\.maxConcurrentCalls to 20 \(the rule last wrote 8\)/),
    });
    expect(holdsOf(held.memory)).toEqual([expect.objectContaining({ campaignId: running.id, campaignName: running.name, what: expect.stringMatching(/20/) })]);

    setAvailableAgents(tenant, { [running.id]: 4, [other.id]: 5 });
    const stillHeld = await tick(held.memory);
    expect(limitOf(running)).toBe(20);
    expect(puts.count()).toBe(writesBefore);
    expect(holdsOf(stillHeld.memory)[0]?.since).toBe(holdsOf(held.memory)[0]?.since);

    // The engine's automation:clearHold calls the rule's clearHold hook, which is this function.
    expect(Reflect.get(rule, 'clearHold')).toBe(clearCapacityHold);
    const cleared = clearCapacityHold(stillHeld.memory, running.id);
    expect(holdsOf(cleared)).toEqual([]);
    const paced = await tick(cleared);
    expect(limitOf(running)).toBe(3);
    expect(decisionFor(paced.decisions, running)).toMatchObject({ outcome: 'applied', evidence: { oldLimit: 20, newLimit: 3 } });
    expect(holdsOf(paced.memory)).toEqual([]);
  });

  it('releases a hold when the person sets the rule’s value back', async () => {
    const first = await tick(rule.initialMemory());
    tenant.state.campaigns.set(running.id, { ...tenant.state.campaigns.get(running.id)!, rules: { maxConcurrentCalls: 20 } });
    const held = await tick(first.memory);
    expect(holdsOf(held.memory)).toHaveLength(1);
    tenant.state.campaigns.set(running.id, { ...tenant.state.campaigns.get(running.id)!, rules: { maxConcurrentCalls: 8 } });
    setAvailableAgents(tenant, { [running.id]: 5, [other.id]: 5 });
    const released = await tick(held.memory);
    expect(holdsOf(released.memory)).toEqual([]);
    expect(limitOf(running)).toBe(4);
  });

  it('a dry run decides as a real tick and writes nothing: not the tenant, not the memory', async () => {
    const before = pacedCampaigns(tenant).map((campaign) => ({ ...campaign }));
    const memory = rule.initialMemory();
    const outcome = await tick(memory, { dryRun: true });
    expect(puts.count()).toBe(0);
    expect(pacedCampaigns(tenant)).toEqual(before);
    expect(outcome.memory).toBe(memory);
    expect(decisionFor(outcome.decisions, running)).toMatchObject({ action: 'set-limit', outcome: 'would-apply', dryRun: true, evidence: { newLimit: 8 } });
  });

  it('with the simulation model, dials a predictive campaign ahead of its agents and a progressive one at one line per agent', async () => {
    tenant.state.campaigns.set(running.id, { ...tenant.state.campaigns.get(running.id)!, dialerType: 'predictive' });
    tenant.state.campaigns.set(other.id, { ...tenant.state.campaigns.get(other.id)!, dialerType: 'progressive' });
    const outcome = await tick(rule.initialMemory(), { settings: { model: 'simulation' } });
    expect(limitOf(running)).toBeGreaterThan(10);
    expect(limitOf(other)).toBe(5);
    expect(decisionFor(outcome.decisions, running).reason).toMatch(/keeps predicted abandonment under 3%/);
  });

  it('with the simulation model, paces on the call assumptions the lead set: a floor answering more dials gets fewer lines, and the reason names them', async () => {
    tenant.state.campaigns.set(running.id, { ...tenant.state.campaigns.get(running.id)!, dialerType: 'predictive' });
    const usual = await tick(rule.initialMemory(), { settings: { model: 'simulation' } });
    const usualLimit = limitOf(running);
    expect(decisionFor(usual.decisions, running).reason).toMatch(/pacing model \(30% answered, 180 s talk, 30 s wrap-up\)/);
    const answering = await tick(usual.memory, { settings: { model: 'simulation', answerRate: 0.45, ahtSeconds: 240, wrapUpSeconds: 20 } });
    expect(limitOf(running)).toBeLessThan(usualLimit);
    expect(decisionFor(answering.decisions, running)).toMatchObject({ outcome: 'applied', evidence: { oldLimit: usualLimit, newLimit: limitOf(running) } });
    expect(decisionFor(answering.decisions, running).reason).toMatch(/pacing model \(45% answered, 240 s talk, 20 s wrap-up\)/);
  });
});
