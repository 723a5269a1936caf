import { describe, expect, it } from 'vitest';
import { createNewCampaignStore } from '../../../renderer/features/new-campaign/new-campaign-store';
import { createSimulationStore, type SimulationInputs } from '../../../renderer/features/new-campaign/simulation-store';
import { consoleError } from '../../../shared/errors';
import type { ReferenceCheck } from '../../../shared/new-campaign/reference-check';
import type { SimulationReport } from '../../../shared/new-campaign/simulation-report-schema';
import { createFakeConsole, deferred, FakeRefusal, settle } from './fake-console';

const definition = { name: 'Spring renewals', contactListId: 'list-1', wrapUpCodeIds: ['wc-1'], dncListId: 'dnc-1' };

const missingList: ReferenceCheck = {
  passed: false,
  checkedAt: '2026-01-05T10:00:00.000Z',
  items: [{ kind: 'contactList', reference: 'list-1', field: 'contactListId', status: 'missing', message: 'Contact list list-1 does not exist.', name: null }],
  contactList: null,
};

describe('new campaign store', () => {
  it('remembers "not available on this tenant" for the tenant that said it, across edits of the form, and not a refusal of the form', async () => {
    const unavailable = consoleError('not_available', 'Creating a campaign is not available on this tenant: create the Personal Connection skill in CXone.');
    const refused = consoleError('validation', 'The tenant refused the definition.');
    let answer = unavailable;
    const fake = createFakeConsole({ 'newCampaign:create': () => ({ outcome: 'rejected', error: answer, fieldMessages: {}, referenceCheck: null }) });
    const store = createNewCampaignStore(fake.api);
    store.getState().update(definition);
    await store.getState().create(null, 'demo-admin-api');
    expect(store.getState().createUnavailable).toEqual({ profileId: 'demo-admin-api', error: unavailable });
    store.getState().update({ name: 'Another name' });
    expect(store.getState().result).toBeNull();
    expect(store.getState().createUnavailable?.profileId).toBe('demo-admin-api');

    const other = createNewCampaignStore(fake.api);
    answer = refused;
    await other.getState().create(null, 'tenant-x');
    expect(other.getState().createUnavailable).toBeNull();
  });

  it('stays on the definition while it is invalid, with the cursor in the first field to fix, and asks the tenant nothing', async () => {
    const fake = createFakeConsole();
    const store = createNewCampaignStore(fake.api);
    store.getState().next();
    await settle();
    expect(store.getState()).toMatchObject({ step: 'definition', submitted: true, focusField: 'name' });
    expect(fake.requests('newCampaign:checkReferences')).toEqual([]);
  });

  it('puts a failed reference on its field, keeps the later steps closed, and drops the message once the field changes', async () => {
    const fake = createFakeConsole({ 'newCampaign:checkReferences': () => missingList });
    const store = createNewCampaignStore(fake.api);
    store.getState().update(definition);
    store.getState().next();
    await settle();
    expect(store.getState().step).toBe('references');
    expect(fake.requests('newCampaign:checkReferences').map((request) => request.form.contactListId)).toEqual(['list-1']);
    expect(store.getState().tenantMessages.contactListId).toBe('Contact list list-1 does not exist.');

    store.getState().goTo('simulate');
    expect(store.getState().step).toBe('references');
    store.getState().update({ contactListId: 'list-2' });
    expect(store.getState().tenantMessages.contactListId).toBeUndefined();
    expect(store.getState().referenceCheck).toBeNull();
  });
});

const inputs: SimulationInputs = {
  contacts: 1000,
  agents: 10,
  answerRate: 0.3,
  talkSeconds: 180,
  wrapUpSeconds: 30,
  maxCallsPerHour: 600,
  callingHoursPerDay: 8,
  serviceLevel: 0.8,
  targetSeconds: 20,
  replications: 10,
  seed: 1,
};

describe('simulation store', () => {
  it('shows only its own run’s progress, and ends as cancelled when the lead cancels', async () => {
    const fake = createFakeConsole();
    const answer = deferred<SimulationReport>();
    fake.handle('newCampaign:simulate', () => answer.promise);
    fake.handle('newCampaign:cancelSimulation', () => {
      answer.reject(new FakeRefusal(consoleError('cancelled', 'The simulation was cancelled.')));
      return { cancelled: true };
    });
    const store = createSimulationStore(fake.api);
    store.getState().prepare(inputs);

    const done = store.getState().run();
    await settle();
    const runId = fake.requests('newCampaign:simulate')[0]?.runId ?? '';
    const progress = (of: string, done: number, stage: string) =>
      fake.emit('runs:progress', { runId: of, kind: 'simulation', done, total: 10, counts: {}, state: 'running', detail: { stage } });
    progress('another-run', 9, 'predictive');
    progress(runId, 2, 'staffing');
    expect(store.getState()).toMatchObject({ running: true, progress: { done: 2, total: 10, stage: 'staffing' } });

    store.getState().cancel();
    await done;
    expect(fake.requests('newCampaign:cancelSimulation')).toEqual([{ runId }]);
    expect(store.getState()).toMatchObject({ running: false, cancelled: true, error: null, result: null });
    expect(fake.listenerCount()).toBe(0);
  });
});
