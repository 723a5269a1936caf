import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AutomationEngine } from '../../../electron/automation/automation-engine';
import { notSentOnCancel } from '../../../electron/automation/automation-rule';
import { createCapacityRule } from '../../../electron/automation/capacity/capacity-rule';
import { defaultSettingsInput } from '../../../electron/automation/default-settings';
import { createWeatherRule } from '../../../electron/automation/weather/weather-rule';
import type { DemoTenantHandle } from '../../../electron/demo-tenant/index';
import type { CampaignsPort, TenantConnection } from '../../../electron/tenant/ports';
import { pacedCampaigns, setAvailableAgents } from './capacity/support';
import { connectTo, startTenant } from '../tenant/support';
import { engineFor, tempDir } from './support';

const lead = { type: 'user' as const, name: 'lead (test)' };

/**
 * The tenant's campaigns as the engine's rules reach them, recording every write the guard let
 * through (what was really sent) and whether it left after the cancel; `onWrite` runs as a write is sent.
 */
function recordingCampaigns(campaigns: CampaignsPort, onWrite: (count: number) => void) {
  const sent: { id: string; afterCancel: boolean }[] = [];
  let cancelled = false;
  const record = (id: string) => {
    sent.push({ id, afterCancel: cancelled });
    onWrite(sent.length);
  };
  const port: CampaignsPort = {
    list: (query, signal) => campaigns.list(query, signal),
    get: (id, signal) => campaigns.get(id, signal),
    create: (definition, signal) => campaigns.create(definition, signal),
    replace(id, replacement, signal) {
      const write = campaigns.replace(id, replacement, signal);
      record(id);
      return write;
    },
    setStatus(id, status, signal, intent) {
      const write = campaigns.setStatus(id, status, signal, intent);
      record(id);
      return write;
    },
  };
  return { port, sent, markCancelled: () => (cancelled = true) };
}

describe('cancelling the real rules mid-run against the demo tenant', () => {
  let tenant: DemoTenantHandle;
  let connection: TenantConnection;
  let folder: Awaited<ReturnType<typeof tempDir>>;
  let engine: AutomationEngine | null = null;

  beforeEach(async () => {
    tenant = await startTenant();
    connection = connectTo(tenant);
    folder = await tempDir();
  });
  afterEach(async () => {
    await engine?.stop();
    engine = null;
    connection.close();
    await tenant.close();
    await folder.remove();
  });

  /** An engine over the recording port whose first write sent cancels the run (in the same turn, as a click landing then would). */
  const cancellingOnFirstWrite = (rules: Parameters<typeof engineFor>[0]['rules'], extra: Partial<Parameters<typeof engineFor>[0]> = {}) => {
    const recording = recordingCampaigns(connection.campaigns, (count) => {
      if (count !== 1 || !engine) return;
      recording.markCancelled();
      void engine.cancelRun(rules[0]!.id, lead);
    });
    const built = engineFor({
      dir: folder.dir,
      connection,
      rules,
      ports: () => ({ campaigns: recording.port, realtimeAgents: connection.realtimeAgents }),
      defaultSettings: (ruleId) => defaultSettingsInput(ruleId, { isDemo: true, apiBaseUrl: tenant.url }),
      ...extra,
    });
    engine = built.engine;
    return { ...built, recording };
  };

  it('capacity: the write already sent lands, no write is sent after the cancel, every campaign not written says so, and the audit log says it was cancelled', async () => {
    // Every running campaign needs a new limit: 5 agents each (limit 4) against a limit of 30.
    const running = pacedCampaigns(tenant);
    expect(running.length).toBeGreaterThan(8);
    for (const campaign of running) tenant.state.campaigns.set(campaign.id, { ...campaign, rules: { ...campaign.rules, maxConcurrentCalls: 30 } });
    setAvailableAgents(tenant, Object.fromEntries(running.map((campaign) => [campaign.id, 5])));
    const { recording, audit } = cancellingOnFirstWrite([createCapacityRule()]);
    await engine!.start();

    const result = await engine!.runOnce('capacity', false);

    expect(recording.sent.length).toBeGreaterThan(0);
    expect(recording.sent.filter((write) => write.afterCancel)).toEqual([]);
    const written = new Set(recording.sent.map((write) => write.id));
    // The tenant holds the new limit exactly where a write was sent; everywhere else the old one.
    for (const campaign of running) expect(tenant.state.campaigns.get(campaign.id)!.rules.maxConcurrentCalls).toBe(written.has(campaign.id) ? 4 : 30);
    const applied = result.decisions.filter((decision) => decision.outcome === 'applied').map((decision) => decision.campaignId);
    expect(new Set(applied)).toEqual(written);
    const notSent = result.decisions.filter((decision) => decision.reason === notSentOnCancel);
    expect(notSent.map((decision) => decision.outcome)).toEqual(notSent.map(() => 'skipped'));
    expect(notSent).toHaveLength(running.length - written.size);
    expect(result.decisions.some((decision) => decision.outcome === 'failed')).toBe(false);
    expect(result.summary).toMatchObject({
      result: 'cancelled',
      problem: `Cancelled by lead (test): ${written.size} written before the cancel, ${running.length - written.size} not sent.`,
    });

    expect(audit.entries.filter((entry) => entry.action === 'automation.set_limit').map((entry) => entry.target.id)).toEqual([...written]);
    expect(audit.entries.find((entry) => entry.action === 'automation.cancel')).toMatchObject({ actor: lead, target: { id: 'capacity' } });
    expect(audit.entries.find((entry) => entry.action === 'automation.tick_problem')).toMatchObject({
      outcome: 'cancelled',
      reason: result.summary.problem,
    });
    // The rule's last tick, as the screen lists it.
    expect((await engine!.view('capacity')).lastTick).toMatchObject({ result: 'cancelled', tickId: result.summary.tickId });
  });

  it('weather: pauses only the campaign whose pause was sent before the cancel; the others are not sent, and the next run pauses them', async () => {
    const region = 'US-CA';
    const inRegion = [...tenant.state.campaigns.values()].filter((c) => c.status === 'running' && c.customAttributes.region === region).map((c) => c.id);
    expect(inRegion.length).toBeGreaterThan(1);
    const now = Date.now();
    tenant.setWeatherAlerts([
      {
        id: 'w-cancel',
        event: 'Tornado Warning',
        severity: 'Extreme',
        regions: [region],
        effective: new Date(now - 60_000).toISOString(),
        expires: new Date(now + 3_600_000).toISOString(),
      },
    ]);
    const { recording } = cancellingOnFirstWrite([createWeatherRule()]);
    await engine!.start();

    const result = await engine!.runOnce('weather', false);

    expect(recording.sent).toHaveLength(1);
    expect(recording.sent.filter((write) => write.afterCancel)).toEqual([]);
    const [first] = recording.sent;
    expect(inRegion.map((id) => tenant.state.campaigns.get(id)!.status)).toEqual(inRegion.map((id) => (id === first!.id ? 'paused' : 'running')));
    const pauses = result.decisions.filter((decision) => decision.action === 'pause');
    expect(pauses.map((decision) => [decision.campaignId, decision.outcome])).toEqual(inRegion.map((id) => [id, id === first!.id ? 'applied' : 'skipped']));
    expect(pauses.filter((decision) => decision.outcome === 'skipped').every((decision) => decision.reason === notSentOnCancel)).toBe(true);
    expect(result.summary.result).toBe('cancelled');
    expect((await engine!.view('weather')).holds.map((hold) => hold.campaignId)).toEqual([first!.id]);

    // A cancel holds for that run only.
    const next = await engine!.runOnce('weather', false);
    expect(next.summary.result).toBe('ok');
    expect(inRegion.map((id) => tenant.state.campaigns.get(id)!.status)).toEqual(inRegion.map(() => 'paused'));
  });

  it('capacity dry run with the pacing model: a cancel stops it starting further campaigns, and it still writes nothing', async () => {
    const running = pacedCampaigns(tenant);
    // Different agent counts: each campaign asks the model its own question.
    setAvailableAgents(tenant, Object.fromEntries(running.map((campaign, index) => [campaign.id, 3 + index])));
    const before = new Map(running.map((campaign) => [campaign.id, tenant.state.campaigns.get(campaign.id)!.version]));
    const built = engineFor({
      dir: folder.dir,
      connection,
      rules: [createCapacityRule()],
      // Cancelled as the first campaign is decided.
      onProgress: (progress) => {
        if (progress.done >= 1 && progress.state === 'running') void engine?.cancelRun('capacity', lead);
      },
    });
    engine = built.engine;
    await engine.start();
    await engine.updateSettings('capacity', { model: 'simulation' }, lead);

    const result = await engine.runOnce('capacity', true);

    expect(result.summary).toMatchObject({ dryRun: true, result: 'cancelled' });
    const notSent = result.decisions.filter((decision) => decision.reason === notSentOnCancel);
    expect(notSent.length).toBeGreaterThan(0);
    expect(result.decisions.filter((decision) => decision.outcome === 'would-apply').length).toBeLessThan(running.length);
    expect(new Map(running.map((campaign) => [campaign.id, tenant.state.campaigns.get(campaign.id)!.version]))).toEqual(before);
    expect(await engine.history('capacity', 100)).toEqual([]);
  });
});
