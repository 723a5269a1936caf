import { describe, expect, it } from 'vitest';
import { createEmergencyStore } from '../../../renderer/features/emergency/emergency-store';
import type { EmergencyRun, EmergencyState } from '../../../shared/campaigns/status-change';
import { consoleError } from '../../../shared/errors';
import { createFakeConsole, deferred, FakeRefusal, settle } from './fake-console';
import { campaign, changed } from './fixtures';

const calm: EmergencyState = { pausedByEmergency: [], lastRun: null, running: false };
const north = campaign('c-1', 'running');

function run(kind: 'pause' | 'resume'): EmergencyRun {
  return {
    id: 'run-1',
    kind,
    startedAt: '2026-01-05T10:00:00.000Z',
    finishedAt: '2026-01-05T10:00:02.000Z',
    total: 1,
    done: 1,
    results: [changed(north, 'paused')],
    cancelled: false,
  };
}

describe('emergency store', () => {
  it('follows the emergency state main pushes, from the state it had at start', async () => {
    const fake = createFakeConsole({ 'campaigns:emergencyState': () => calm });
    const store = createEmergencyStore(fake.api);
    const stop = store.getState().start();
    await settle();
    expect(store.getState().state).toEqual(calm);

    const paused: EmergencyState = { ...calm, pausedByEmergency: [{ campaignId: 'c-1', name: north.name, pausedAt: '2026-01-05T10:00:01.000Z' }] };
    fake.emit('campaigns:emergencyChanged', paused);
    expect(store.getState().state?.pausedByEmergency).toHaveLength(1);
    stop();
    expect(fake.listenerCount()).toBe(0);
  });

  it('shows the pause-all progress while it runs, then its report in place of the progress', async () => {
    const fake = createFakeConsole({ 'campaigns:emergencyState': () => calm });
    const answer = deferred<EmergencyRun>();
    fake.handle('campaigns:emergencyPause', () => answer.promise);
    const store = createEmergencyStore(fake.api);
    store.getState().start();
    await settle();

    const done = store.getState().pauseAll();
    fake.emit('runs:progress', {
      runId: 'run-1',
      kind: 'emergency',
      state: 'running',
      done: 0,
      total: 1,
      ratePerSecond: 0,
      counts: {},
      detail: { action: 'pause' },
    });
    expect(store.getState().progress?.total).toBe(1);

    answer.resolve(run('pause'));
    await done;
    expect(store.getState().progress).toBeNull();
    expect(store.getState().report?.results).toEqual([changed(north, 'paused')]);

    store.getState().dismiss();
    expect(store.getState().report).toBeNull();
  });

  it('says why a resume failed and shows no progress', async () => {
    const fake = createFakeConsole({
      'campaigns:resumeEmergency': () => {
        throw new FakeRefusal(consoleError('network', 'The tenant is not reachable.'));
      },
    });
    const store = createEmergencyStore(fake.api);
    await store.getState().resumeEmergency();
    expect(store.getState().error?.message).toBe('The tenant is not reachable.');
    expect(store.getState().progress).toBeNull();
    expect(store.getState().report).toBeNull();
  });
});
