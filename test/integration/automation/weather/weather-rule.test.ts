import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../../../electron/audit/audit-log';
import { createCampaignControl } from '../../../../electron/campaigns/campaign-control';
import { createCampaignDirectory } from '../../../../electron/campaigns/campaign-directory';
import { createEmergencyRecord } from '../../../../electron/campaigns/emergency-record';
import { severeAlert, startAlertsServer, startWeatherBench, unreachableUrl } from './weather-harness';

type Bench = Awaited<ReturnType<typeof startWeatherBench>>;
type Feed = Awaited<ReturnType<typeof startAlertsServer>>;

describe('the severe-weather rule against the demo tenant', () => {
  let bench: Bench;
  let feed: Feed;
  let region: string;
  let regionIds: string[];

  beforeEach(async () => {
    bench = await startWeatherBench();
    feed = await startAlertsServer();
    ({ region, ids: regionIds } = await bench.busiestRegion());
    expect(regionIds.length).toBeGreaterThanOrEqual(2);
  });

  afterEach(async () => {
    await feed.close();
    await bench.close();
  });

  const others = (snapshot: Record<string, string>) => Object.fromEntries(Object.entries(snapshot).filter(([id]) => !regionIds.includes(id)));
  const statuses = async (ids: string[]) => Promise.all(ids.map((id) => bench.statusOf(id)));

  it('pauses the running campaigns of a region under a new alert, and no other campaign', async () => {
    const before = await bench.snapshot();
    feed.set([severeAlert(bench, 'storm', region), { ...severeAlert(bench, 'flood', 'US-ZZ'), severity: 'Extreme' }], 'simple');
    const outcome = await bench.tick(0, { alertsUrl: feed.url });
    expect(outcome.problem).toBeUndefined();
    expect(outcome.decisions.filter((d) => d.action === 'pause').map((d) => [d.campaignId, d.outcome])).toEqual(regionIds.map((id) => [id, 'applied']));
    expect(outcome.decisions[0]).toMatchObject({
      ruleId: 'weather',
      dryRun: false,
      evidence: { region, alerts: [{ id: 'storm', severity: 'Severe', event: 'Winter Storm Warning', endsAt: bench.at(600) }] },
    });
    expect(await statuses(regionIds)).toEqual(regionIds.map(() => 'paused'));
    expect(others(await bench.snapshot())).toEqual(others(before));
    expect(bench.rule.holds(bench.memory, bench.rule.settingsSchema.parse({ alertsUrl: feed.url })).map((hold) => hold.campaignId)).toEqual(regionIds);
  });

  it('keeps them paused while any alert for the region remains, and resumes them only after the hold-down', async () => {
    feed.set([severeAlert(bench, 'storm', region), severeAlert(bench, 'ice', region)], 'nws');
    await bench.tick(0, { alertsUrl: feed.url });
    feed.set([severeAlert(bench, 'ice', region)]);
    const oneLeft = await bench.tick(5, { alertsUrl: feed.url });
    expect(oneLeft.decisions.every((d) => d.action === 'keep' && d.outcome === 'unchanged')).toBe(true);
    feed.set([]);
    await bench.tick(10, { alertsUrl: feed.url });
    const early = await bench.tick(39, { alertsUrl: feed.url });
    expect(early.decisions.map((d) => d.action)).toEqual(regionIds.map(() => 'keep'));
    expect(await statuses(regionIds)).toEqual(regionIds.map(() => 'paused'));
    const resumed = await bench.tick(40, { alertsUrl: feed.url });
    expect(resumed.decisions.map((d) => [d.action, d.outcome])).toEqual(regionIds.map(() => ['resume', 'applied']));
    expect(await statuses(regionIds)).toEqual(regionIds.map(() => 'running'));
    expect(bench.rule.holds(bench.memory, bench.rule.settingsSchema.parse({ alertsUrl: feed.url }))).toEqual([]);
  });

  it('ends an alert on an NWS Cancel message, and pauses nothing for an alert below the threshold', async () => {
    feed.set([{ ...severeAlert(bench, 'advisory', region), severity: 'Moderate' }], 'nws');
    expect((await bench.tick(0, { alertsUrl: feed.url, holdDownMinutes: 0 })).decisions).toEqual([]);
    const storm = severeAlert(bench, 'urn:oid:storm', region);
    feed.set([storm]);
    await bench.tick(5, { alertsUrl: feed.url, holdDownMinutes: 0 });
    expect(await statuses(regionIds)).toEqual(regionIds.map(() => 'paused'));
    feed.set([storm, { ...storm, id: 'urn:oid:storm-cancel', messageType: 'Cancel', references: [storm.id] }]);
    await bench.tick(10, { alertsUrl: feed.url, holdDownMinutes: 0 });
    expect(await statuses(regionIds)).toEqual(regionIds.map(() => 'running'));
  });

  it('leaves alone a campaign a person paused, and never resumes it when the weather ends', async () => {
    const [personal, ...rest] = regionIds as [string, ...string[]];
    await bench.connection.campaigns.setStatus(personal, 'paused');
    const personalBefore = (await bench.snapshot())[personal];
    feed.set([severeAlert(bench, 'storm', region, 20)], 'simple');
    const outcome = await bench.tick(0, { alertsUrl: feed.url });
    expect(outcome.decisions.find((d) => d.campaignId === personal)).toMatchObject({
      action: 'keep',
      outcome: 'skipped',
      reason: 'Paused by a person or another rule — left alone.',
    });
    await bench.tick(25, { alertsUrl: feed.url });
    await bench.tick(60, { alertsUrl: feed.url });
    expect(await statuses(rest)).toEqual(rest.map(() => 'running'));
    expect((await bench.snapshot())[personal]).toBe(personalBefore);
  });

  it('never resumes a campaign of its that a person resumed and paused again between two ticks', async () => {
    const [repaused, ...rest] = regionIds as [string, ...string[]];
    feed.set([severeAlert(bench, 'storm', region, 5)], 'simple');
    await bench.tick(0, { alertsUrl: feed.url });
    await bench.connection.campaigns.setStatus(repaused, 'running');
    await bench.connection.campaigns.setStatus(repaused, 'paused');
    const persons = (await bench.snapshot())[repaused];
    const noticed = await bench.tick(10, { alertsUrl: feed.url });
    expect(noticed.decisions.find((d) => d.campaignId === repaused)).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('left alone') });
    await bench.tick(40, { alertsUrl: feed.url });
    expect(await statuses(rest)).toEqual(rest.map(() => 'running'));
    expect((await bench.snapshot())[repaused]).toBe(persons);
  });

  it('leaves alone what the emergency pause stopped, so its own resume restarts them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxone-weather-'));
    const audit = await createAuditLog({ dir: join(dir, 'audit') });
    try {
      const directory = createCampaignDirectory({ connection: () => bench.connection, intervalSeconds: () => 60 });
      await directory.refresh();
      const control = createCampaignControl({
        connection: () => bench.connection,
        tenantLabel: () => 'Demo tenant',
        directory,
        record: () => createEmergencyRecord(join(dir, 'emergency.json')),
        audit,
        activationPolling: { baseMs: 50, capMs: 200, deadlineMs: 5000 },
      });
      await control.emergencyPause({ type: 'user', name: 'lead' });
      const afterEmergency = await bench.snapshot();
      feed.set([severeAlert(bench, 'storm', region, 20)], 'simple');
      const during = await bench.tick(0, { alertsUrl: feed.url });
      expect(during.decisions.map((d) => d.outcome)).toEqual(regionIds.map(() => 'skipped'));
      await bench.tick(25, { alertsUrl: feed.url });
      await bench.tick(60, { alertsUrl: feed.url });
      expect(await bench.snapshot()).toEqual(afterEmergency);
      await control.resumeEmergency({ type: 'user', name: 'lead' });
      expect(await statuses(regionIds)).toEqual(regionIds.map(() => 'running'));
    } finally {
      await audit.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("respects a person's resume during the alert: not paused again until the alert ends, listed in holds()", async () => {
    const [resumedByPerson, ...rest] = regionIds as [string, ...string[]];
    feed.set([severeAlert(bench, 'storm', region, 30)], 'nws');
    await bench.tick(0, { alertsUrl: feed.url });
    await bench.connection.campaigns.setStatus(resumedByPerson, 'running');
    const personsVersion = (await bench.snapshot())[resumedByPerson];
    const noticed = await bench.tick(5, { alertsUrl: feed.url });
    expect(noticed.decisions.find((d) => d.campaignId === resumedByPerson)).toMatchObject({ action: 'keep', outcome: 'skipped' });
    expect(
      bench.rule.holds(bench.memory, bench.rule.settingsSchema.parse({ alertsUrl: feed.url })).find((hold) => hold.campaignId === resumedByPerson)?.what,
    ).toContain('Resumed by a person');
    await bench.tick(10, { alertsUrl: feed.url });
    await bench.tick(20, { alertsUrl: feed.url });
    expect((await bench.snapshot())[resumedByPerson]).toBe(personsVersion);
    expect(await statuses(rest)).toEqual(rest.map(() => 'paused'));
    await bench.tick(35, { alertsUrl: feed.url });
    await bench.tick(65, { alertsUrl: feed.url });
    expect(await statuses(regionIds)).toEqual(regionIds.map(() => 'running'));
    expect((await bench.snapshot())[resumedByPerson]).toBe(personsVersion);
    expect(bench.rule.holds(bench.memory, bench.rule.settingsSchema.parse({ alertsUrl: feed.url }))).toEqual([]);
  });

  it('causes no churn when an alert blinks in and out of the feed: one pause, one resume after it stays away', async () => {
    const before = await bench.snapshot();
    const storm = severeAlert(bench, 'storm', region);
    for (let m = 0; m <= 55; m += 5) {
      feed.set(m % 10 === 0 ? [storm] : [], 'simple');
      await bench.tick(m, { alertsUrl: feed.url });
    }
    const during = await bench.snapshot();
    for (const id of regionIds) expect(during[id]).toBe(`paused@${Number(before[id]?.split('@')[1]) + 1}`);
    feed.set([]);
    await bench.tick(84, { alertsUrl: feed.url });
    expect(await bench.snapshot()).toEqual(during);
    await bench.tick(85, { alertsUrl: feed.url });
    const after = await bench.snapshot();
    for (const id of regionIds) expect(after[id]).toBe(`running@${Number(before[id]?.split('@')[1]) + 2}`);
  });

  it('changes nothing while the feed is broken (malformed JSON, wrong shape, 500, unreachable), says why, and carries on once it is back', async () => {
    feed.set([severeAlert(bench, 'storm', region, 5)], 'simple');
    await bench.tick(0, { alertsUrl: feed.url });
    const paused = await bench.snapshot();
    const memory = structuredClone(bench.memory);
    const problems: string[] = [];
    for (const failure of ['malformed-json', 'wrong-shape', 'http-500'] as const) {
      feed.fail(failure);
      const outcome = await bench.tick(60, { alertsUrl: feed.url });
      expect(outcome.decisions).toEqual([]);
      problems.push(outcome.problem ?? '');
    }
    problems.push((await bench.tick(60, { alertsUrl: await unreachableUrl() })).problem ?? '');
    expect(problems[0]).toContain('did not answer JSON');
    expect(problems[1]).toContain('alerts[0].regions');
    expect(problems[2]).toContain('answered 500');
    expect(problems[3]).toContain('could not be reached');
    for (const problem of problems) expect(problem).toMatch(/nothing was paused or resumed/i);
    expect(await bench.snapshot()).toEqual(paused);
    expect(bench.memory).toEqual(memory);

    feed.set([], 'simple');
    await bench.tick(65, { alertsUrl: feed.url });
    await bench.tick(95, { alertsUrl: feed.url });
    expect(await statuses(regionIds)).toEqual(regionIds.map(() => 'running'));
  });

  it('pauses nothing when the very first tick finds the feed broken', async () => {
    const before = await bench.snapshot();
    feed.fail('http-500');
    const outcome = await bench.tick(0, { alertsUrl: feed.url });
    expect(outcome.problem).toContain('could not be read');
    expect(await bench.snapshot()).toEqual(before);
  });

  it('counts a pause whose answer was lost as its own, so it resumes that campaign when the weather ends', async () => {
    const [lost] = regionIds as [string];
    bench.tenant.injectFaults({ match: { method: 'PATCH', pathPrefix: `/api/v2/outbound/campaigns/${lost}` }, kind: 'drop', afterHandler: true });
    feed.set([severeAlert(bench, 'storm', region, 5)], 'simple');
    const outcome = await bench.tick(0, { alertsUrl: feed.url });
    expect(outcome.decisions.find((d) => d.campaignId === lost)).toMatchObject({ action: 'pause', outcome: 'applied' });
    expect(await bench.statusOf(lost)).toBe('paused');
    await bench.tick(10, { alertsUrl: feed.url });
    await bench.tick(40, { alertsUrl: feed.url });
    expect(await statuses(regionIds)).toEqual(regionIds.map(() => 'running'));
  });

  it('in a dry run decides as a real tick would and writes nothing', async () => {
    feed.set([severeAlert(bench, 'storm', region)], 'nws');
    const before = await bench.snapshot();
    const dry = await bench.tick(0, { alertsUrl: feed.url }, { dryRun: true });
    expect(dry.decisions.map((d) => [d.action, d.outcome, d.dryRun])).toEqual(regionIds.map(() => ['pause', 'would-apply', true]));
    expect(await bench.snapshot()).toEqual(before);
    expect(bench.rule.holds(bench.memory, bench.rule.settingsSchema.parse({ alertsUrl: feed.url }))).toEqual([]);

    await bench.tick(0, { alertsUrl: feed.url });
    const paused = await bench.snapshot();
    feed.set([]);
    await bench.tick(5, { alertsUrl: feed.url });
    const dryResume = await bench.tick(40, { alertsUrl: feed.url }, { dryRun: true });
    expect(dryResume.decisions.map((d) => [d.action, d.outcome])).toEqual(regionIds.map(() => ['resume', 'would-apply']));
    expect(await bench.snapshot()).toEqual(paused);
  });
});

describe("the demo tenant's own alerts feed", () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = await startWeatherBench();
  });
  afterEach(async () => bench.close());

  it('serves the alerts a test sets, without a token, in both formats, and the rule reads each the same way', async () => {
    const { region, ids } = await bench.busiestRegion();
    bench.tenant.setWeatherAlerts([severeAlert(bench, 'urn:oid:demo-storm', region)]);
    const plain = await fetch(`${bench.tenant.url}/demo/alerts/nws`);
    expect(plain.status).toBe(200);
    const simple = await bench.tick(0, { alertsUrl: `${bench.tenant.url}/demo/alerts/simple` }, { dryRun: true });
    const nws = await bench.tick(0, { alertsUrl: `${bench.tenant.url}/demo/alerts/nws` }, { dryRun: true });
    expect(simple.decisions.map((d) => d.campaignId)).toEqual(ids);
    expect(nws.decisions).toEqual(simple.decisions.map((d) => ({ ...d, tickId: nws.decisions[0]?.tickId })));
  });

  it('has scripted weather on first start, so a dry run has running campaigns to pause', async () => {
    const outcome = await bench.tick(0, { alertsUrl: `${bench.tenant.url}/demo/alerts/nws` }, { dryRun: true });
    expect(outcome.problem).toBeUndefined();
    const pauses = outcome.decisions.filter((d) => d.action === 'pause' && d.outcome === 'would-apply');
    expect(pauses.length).toBeGreaterThan(0);
    expect(pauses[0]?.evidence.alerts?.[0]).toMatchObject({ severity: 'Severe', event: 'Winter Storm Warning' });
  });

  it("breaks on the demo tenant's injected faults like any other request, and the rule changes nothing", async () => {
    const { region } = await bench.busiestRegion();
    bench.tenant.setWeatherAlerts([severeAlert(bench, 'storm', region)]);
    const before = await bench.snapshot();
    bench.tenant.injectFaults(
      { match: { pathPrefix: '/demo/alerts' }, kind: 'status', status: 503 },
      { match: { pathPrefix: '/demo/alerts' }, kind: 'malformed' },
    );
    for (let i = 0; i < 2; i++)
      expect((await bench.tick(0, { alertsUrl: `${bench.tenant.url}/demo/alerts/nws` })).problem).toMatch(/nothing was paused or resumed/i);
    expect(await bench.snapshot()).toEqual(before);
  });
});
