import { describe, expect, it } from 'vitest';
import { createAutomationStore, formDraft } from '../../../renderer/features/automation/automation-store';
import { draftOf, settingsOf } from '../../../renderer/features/automation/rule-settings-fields';
import type { AutomationDecision, AutomationRuleView, AutomationRunnerView, RuleTickSummary } from '../../../shared/automation/automation-rules';
import { consoleError } from '../../../shared/errors';
import { createFakeConsole, deferred, FakeRefusal, settle } from './fake-console';

const weather: AutomationRuleView = {
  id: 'weather',
  title: 'Severe weather',
  enabled: false,
  settings: { alertsUrl: 'https://api.weather.gov/alerts/active', severity: 'Severe', holdDownMinutes: 30, intervalMinutes: 5 },
  nextRunAt: null,
  lastTick: null,
  holds: [{ campaignId: 'c-1', campaignName: 'Gulf renewals', what: 'Paused for Hurricane Warning', since: '2026-12-02T18:00:00.000Z' }],
};
const capacity: AutomationRuleView = {
  id: 'capacity',
  title: 'Capacity pacing',
  enabled: true,
  settings: { safetyFactor: 0.8, model: 'agents', maxAbandonRate: 0.025, answerRate: 0.3, ahtSeconds: 180, wrapUpSeconds: 30, intervalMinutes: 5 },
  nextRunAt: '2026-12-02T19:05:00.000Z',
  lastTick: null,
  holds: [{ campaignId: 'c-2', campaignName: 'Spring renewals', what: 'A person set the limit to 4', since: '2026-12-02T17:30:00.000Z' }],
};
const runner: AutomationRunnerView = {
  mode: 'data-folder',
  holder: { kind: 'this-app', host: 'desk-1', pid: 42, label: 'This app', since: '2026-12-02T18:00:00.000Z' },
};
const decision: AutomationDecision = {
  ruleId: 'weather',
  tickId: 't-1',
  at: '2026-12-02T19:00:00.000Z',
  campaignId: 'c-1',
  campaignName: 'Gulf renewals',
  action: 'pause',
  outcome: 'would-apply',
  reason: 'A Severe alert covers its area.',
  dryRun: true,
  evidence: { alerts: [{ id: 'urn:1', severity: 'Severe', event: 'Tornado Warning' }], region: 'TX' },
};

const withRules = () => {
  const fake = createFakeConsole({ 'automation:rules': () => ({ rules: [weather, capacity], runner }), 'automation:history': () => [decision] });
  return { fake, store: createAutomationStore(fake.api) };
};

describe('automation store', () => {
  it('keeps the refusal of a build without the engine as a not_available error, with no rules and nothing thrown', async () => {
    const fake = createFakeConsole({
      'automation:rules': () => {
        throw new FakeRefusal(consoleError('not_available', 'Automation is not built yet.'));
      },
    });
    const store = createAutomationStore(fake.api);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ rules: [], runner: null, loading: false, selectedId: null, error: { kind: 'not_available' } });
  });

  it('opens the first rule with its history, and a rule turned on comes back as main stored it', async () => {
    const { fake, store } = withRules();
    fake.handle('automation:setEnabled', ({ ruleId, enabled }) => ({ ...weather, id: ruleId, enabled, nextRunAt: '2026-12-02T19:10:00.000Z' }));
    await store.getState().load();
    await settle();
    expect(store.getState().selectedId).toBe('weather');
    expect(store.getState().runner?.holder?.host).toBe('desk-1');
    expect(store.getState().history.weather).toEqual([decision]);
    expect(fake.requests('automation:history')).toEqual([{ ruleId: 'weather', limit: 200 }]);

    await store.getState().setEnabled('weather', true);
    expect(fake.requests('automation:setEnabled')).toEqual([{ ruleId: 'weather', enabled: true }]);
    expect(store.getState().rules.find((r) => r.id === 'weather')).toMatchObject({ enabled: true, nextRunAt: '2026-12-02T19:10:00.000Z' });
  });

  it('refuses settings the rule schema refuses, naming the setting, and sends nothing', async () => {
    const { fake, store } = withRules();
    await store.getState().load();
    store.getState().editSetting('weather', 'holdDownMinutes', '-5');
    store.getState().editSetting('weather', 'alertsUrl', 'http://weather.example.com/alerts');
    await store.getState().saveSettings('weather');
    expect(store.getState().problems.weather).toEqual({
      holdDownMinutes: 'Hold-down (minutes) must be 0 or more.',
      alertsUrl: expect.stringMatching(/^Alerts feed URL must use https:\/\//),
    });
    expect(fake.requests('automation:updateSettings')).toEqual([]);

    store.getState().editSetting('weather', 'holdDownMinutes', 'ten');
    expect(store.getState().problems.weather?.holdDownMinutes).toBeUndefined();
    await store.getState().saveSettings('weather');
    expect(store.getState().problems.weather?.holdDownMinutes).toBe('Hold-down must be a number.');
  });

  it('sends the abandonment typed as a percent as a fraction, and drops the draft once main stored the settings', async () => {
    const { fake, store } = withRules();
    fake.handle('automation:updateSettings', ({ settings }) => ({ ...capacity, settings: settings as AutomationRuleView['settings'] }));
    await store.getState().load();
    expect(formDraft(store.getState(), 'capacity')).toMatchObject({ maxAbandonRate: '2.5', safetyFactor: '0.8' });
    store.getState().editSetting('capacity', 'maxAbandonRate', '2.9');
    store.getState().editSetting('capacity', 'safetyFactor', '0.7');
    await store.getState().saveSettings('capacity');
    expect(fake.requests('automation:updateSettings')).toEqual([
      {
        ruleId: 'capacity',
        settings: { safetyFactor: 0.7, model: 'agents', maxAbandonRate: 0.029, answerRate: 0.3, ahtSeconds: 180, wrapUpSeconds: 30, intervalMinutes: 5 },
      },
    ]);
    expect(store.getState().drafts.capacity).toBeUndefined();
    expect(formDraft(store.getState(), 'capacity')).toMatchObject({ maxAbandonRate: '2.9', safetyFactor: '0.7' });
    expect(store.getState().savedAt.capacity).toBeTypeOf('number');
  });

  it("puts main's refusal beside the setting it names, and any other refusal in a notice naming the rule", async () => {
    const { fake, store } = withRules();
    fake.handle('automation:updateSettings', () => {
      throw new FakeRefusal(
        consoleError('validation', 'The settings are invalid.', {
          details: [{ path: 'settings.intervalMinutes', message: 'Interval (minutes) clashes with the runner.' }],
        }),
      );
    });
    await store.getState().load();
    store.getState().editSetting('weather', 'intervalMinutes', '7');
    await store.getState().saveSettings('weather');
    expect(store.getState().problems.weather).toEqual({ intervalMinutes: 'Interval (minutes) clashes with the runner.' });
    expect(store.getState().drafts.weather?.intervalMinutes).toBe('7');

    fake.handle('automation:updateSettings', () => {
      throw new FakeRefusal(consoleError('network', 'The tenant did not answer.'));
    });
    await store.getState().saveSettings('weather');
    expect(store.getState().failure).toMatchObject({ ruleId: 'weather', what: 'Saving the settings of Severe weather', error: { kind: 'network' } });
  });

  it("follows the dry run's own progress only, then keeps its decisions and reads the rules and history again", async () => {
    const { fake, store } = withRules();
    const reply = deferred<{ summary: RuleTickSummary; decisions: AutomationDecision[] }>();
    fake.handle('automation:runOnce', () => reply.promise);
    const stop = store.getState().watch();
    await store.getState().load();
    const run = store.getState().runOnce('weather', true);
    await settle();
    expect(store.getState().running).toEqual({ ruleId: 'weather', dryRun: true, progress: null });
    const progress = { kind: 'automation', runId: 'automation:weather:t-2', done: 1, total: 3, counts: {}, state: 'running' } as const;
    fake.emit('runs:progress', progress);
    fake.emit('runs:progress', { ...progress, runId: 'automation:capacity:t-9', done: 2 });
    expect(store.getState().running?.progress).toMatchObject({ done: 1, total: 3 });

    // A second run waits for the first: one tick at a time from the screen.
    await store.getState().runOnce('capacity', false);
    expect(fake.requests('automation:runOnce')).toEqual([{ ruleId: 'weather', dryRun: true }]);

    const rulesRead = fake.requests('automation:rules').length;
    const summary = {
      ruleId: 'weather',
      tickId: 't-2',
      trigger: 'manual',
      dryRun: true,
      startedAt: '2026-12-02T19:00:00.000Z',
      finishedAt: '2026-12-02T19:00:01.000Z',
      result: 'ok',
      counts: { 'would-apply': 1 },
    } as const;
    reply.resolve({ summary, decisions: [decision] });
    await run;
    expect(store.getState().running).toBeNull();
    expect(store.getState().lastRun.weather).toEqual({ summary, decisions: [decision] });
    expect(fake.requests('automation:rules').length).toBe(rulesRead + 1);
    stop();
    expect(fake.listenerCount()).toBe(0);
  });

  it('cancels the run started here once, by its rule, and shows it cancelling until main answers the run', async () => {
    const { fake, store } = withRules();
    const reply = deferred<{ summary: RuleTickSummary; decisions: AutomationDecision[] }>();
    fake.handle('automation:runOnce', () => reply.promise);
    fake.handle('automation:cancelRun', () => ({ cancelled: true }));
    await store.getState().load();
    await store.getState().cancelRun();
    expect(fake.requests('automation:cancelRun')).toEqual([]);
    const run = store.getState().runOnce('capacity', false);
    await settle();
    await store.getState().cancelRun();
    await store.getState().cancelRun();
    expect(fake.requests('automation:cancelRun')).toEqual([{ ruleId: 'capacity' }]);
    expect(store.getState().running).toMatchObject({ ruleId: 'capacity', cancelling: true });
    const summary = {
      ruleId: 'capacity',
      tickId: 't-3',
      trigger: 'manual',
      dryRun: false,
      startedAt: '2026-12-02T19:00:00.000Z',
      finishedAt: '2026-12-02T19:00:01.000Z',
      result: 'partial',
      counts: { applied: 1, skipped: 2 },
      problem: 'Cancelled by lead: 1 written before the cancel, 2 not sent.',
    } as const;
    reply.resolve({ summary, decisions: [] });
    await run;
    expect(store.getState().running).toBeNull();
    expect(store.getState().lastRun.capacity?.summary.problem).toContain('Cancelled by lead');
  });

  it('says which rule a failed run and which campaign a failed clear was about', async () => {
    const { fake, store } = withRules();
    fake.handle('automation:runOnce', () => {
      throw new FakeRefusal(consoleError('server', 'The alerts feed answered 503.'));
    });
    fake.handle('automation:clearHold', () => {
      throw new FakeRefusal(consoleError('conflict', 'The campaign changed meanwhile; read it again.'));
    });
    await store.getState().load();
    await store.getState().runOnce('weather', false);
    expect(store.getState().failure).toMatchObject({ what: 'Run of Severe weather', error: { message: 'The alerts feed answered 503.' } });
    expect(store.getState().running).toBeNull();
    await store.getState().clearHold('capacity', 'c-2');
    expect(fake.requests('automation:clearHold')).toEqual([{ ruleId: 'capacity', campaignId: 'c-2' }]);
    expect(store.getState().failure).toMatchObject({ ruleId: 'capacity', what: 'Clearing the override on Spring renewals' });
    expect(store.getState().clearing).toBeNull();
  });

  it('reads the rules, the open history and the pacing again when main says a rule changed', async () => {
    const { fake, store } = withRules();
    fake.handle('automation:capacitySeries', ({ hours }) => [
      { campaignId: 'c-2', points: [{ at: '2026-12-02T18:00:00.000Z', availableAgents: hours, limit: 4 }] },
    ]);
    const stop = store.getState().watch();
    await store.getState().load();
    await store.getState().loadCapacity(3);
    await settle();
    const before = { rules: fake.requests('automation:rules').length, history: fake.requests('automation:history').length };
    fake.emit('automation:changed', { ruleId: 'capacity' });
    await settle();
    expect(fake.requests('automation:rules').length).toBe(before.rules + 1);
    // The weather rule is open: its history is not read again for a capacity change, the pacing is, over the hours chosen.
    expect(fake.requests('automation:history').length).toBe(before.history);
    expect(fake.requests('automation:capacitySeries').at(-1)).toEqual({ hours: 3 });
    fake.emit('automation:changed', { ruleId: null });
    await settle();
    expect(fake.requests('automation:history').length).toBe(before.history + 1);
    stop();
  });
});

describe('rule settings form', () => {
  it('reads stored settings as text and checks every setting with the message the rule schema gives', () => {
    expect(draftOf('capacity', capacity.settings)).toEqual({
      safetyFactor: '0.8',
      model: 'agents',
      maxAbandonRate: '2.5',
      answerRate: '30',
      ahtSeconds: '180',
      wrapUpSeconds: '30',
      intervalMinutes: '5',
    });
    const bad = settingsOf('capacity', {
      safetyFactor: '1.2',
      model: 'agents',
      maxAbandonRate: '4',
      answerRate: '0',
      ahtSeconds: '2.5',
      wrapUpSeconds: '-1',
      intervalMinutes: '0',
    });
    expect(bad).toEqual({
      ok: false,
      problems: {
        safetyFactor: 'Safety factor must be at most 1.',
        maxAbandonRate: 'Maximum abandonment must be at most 3% (16 CFR 310.4(b)(4)).',
        answerRate: 'Answer rate must be above 0%.',
        ahtSeconds: 'Talk time (seconds) must be a whole number.',
        wrapUpSeconds: 'Wrap-up (seconds) must be 0 or more.',
        intervalMinutes: 'Interval (minutes) must be at least 1.',
      },
    });
    expect(settingsOf('weather', { alertsUrl: 'https://example.com/a', severity: 'Bad', holdDownMinutes: '', intervalMinutes: '5' })).toEqual({
      ok: false,
      problems: { severity: expect.stringMatching(/^Severity threshold must be one of/), holdDownMinutes: 'Hold-down is required.' },
    });
  });
});
