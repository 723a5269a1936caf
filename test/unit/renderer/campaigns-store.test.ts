import { describe, expect, it } from 'vitest';
import { createCampaignsStore } from '../../../renderer/features/campaigns/campaigns-store';
import { consoleError } from '../../../shared/errors';
import type { StatusChangeResult } from '../../../shared/campaigns/status-change';
import { createFakeConsole, deferred, FakeRefusal, settle } from './fake-console';
import { campaign, changed, snapshot } from './fixtures';

const north = campaign('c-1', 'running');
const south = campaign('c-2', 'running');

describe('campaigns store', () => {
  it('shows the snapshot main has, then every snapshot main pushes, until stopped', async () => {
    const fake = createFakeConsole({ 'campaigns:snapshot': () => snapshot([north]) });
    const store = createCampaignsStore(fake.api);
    const stop = store.getState().start();
    await settle();
    expect(store.getState().snapshot?.campaigns.map((c) => c.id)).toEqual(['c-1']);

    fake.emit('campaigns:changed', snapshot([north, south]));
    expect(store.getState().snapshot?.campaigns.map((c) => c.id)).toEqual(['c-1', 'c-2']);

    stop();
    expect(fake.listenerCount()).toBe(0);
    fake.emit('campaigns:changed', snapshot([]));
    expect(store.getState().snapshot?.campaigns).toHaveLength(2);
  });

  it('refresh replaces the list with a fresh read; a refused refresh keeps the list and says why', async () => {
    const fake = createFakeConsole({
      'campaigns:snapshot': () => snapshot([north], { fetchedAt: '2026-01-05T09:00:00.000Z' }),
      'campaigns:refresh': () => snapshot([north, south], { fetchedAt: '2026-01-05T09:05:00.000Z' }),
    });
    const store = createCampaignsStore(fake.api);
    store.getState().start();
    await settle();

    await store.getState().refresh();
    expect(store.getState().snapshot?.fetchedAt).toBe('2026-01-05T09:05:00.000Z');
    expect(store.getState().snapshot?.campaigns).toHaveLength(2);

    fake.handle('campaigns:refresh', () => {
      throw new FakeRefusal(consoleError('network', 'The tenant is not reachable.'));
    });
    await store.getState().refresh();
    expect(store.getState().actionError?.message).toBe('The tenant is not reachable.');
    expect(store.getState().snapshot?.campaigns).toHaveLength(2);
  });

  it('marks a row pending while main reports its change in flight, and clears the mark when the change settles', async () => {
    const fake = createFakeConsole({ 'campaigns:snapshot': () => snapshot([north]) });
    const answer = deferred<StatusChangeResult[]>();
    fake.handle('campaigns:setStatus', () => {
      fake.emit('campaigns:changed', snapshot([north], { pending: { 'c-1': { target: 'paused', since: '2026-01-05T09:01:00.000Z' } } }));
      return answer.promise;
    });
    const store = createCampaignsStore(fake.api);
    store.getState().start();
    await settle();

    const done = store.getState().setStatus(['c-1'], 'paused');
    await settle();
    expect(store.getState().snapshot?.pending['c-1']?.target).toBe('paused');

    fake.emit('campaigns:changed', snapshot([{ ...north, status: 'paused' }]));
    answer.resolve([changed(north, 'paused')]);
    await done;
    expect(store.getState().snapshot?.pending).toEqual({});
    expect(store.getState().lastAction).toEqual({ label: 'Pause 1 campaign', results: [changed(north, 'paused')] });
    expect(store.getState().runningAction).toBeNull();
  });

  it('shows a bulk change as running with its own progress only, and clears it on the result', async () => {
    const fake = createFakeConsole({ 'campaigns:snapshot': () => snapshot([north, south]) });
    const answer = deferred<StatusChangeResult[]>();
    fake.handle('campaigns:setStatus', () => answer.promise);
    const store = createCampaignsStore(fake.api);
    store.getState().start();
    await settle();

    const done = store.getState().setStatus(['c-1', 'c-2'], 'paused');
    await settle();
    const [request] = fake.requests('campaigns:setStatus');
    const actionId = request?.actionId;
    expect(actionId).toBeTypeOf('string');
    expect(store.getState().runningAction?.progress).toEqual({
      runId: actionId,
      kind: 'bulk-status',
      state: 'running',
      done: 0,
      total: 2,
      counts: {},
      detail: { target: 'paused' },
    });

    fake.emit('runs:progress', { runId: 'someone-else', kind: 'bulk-status', state: 'running', done: 7, total: 9, counts: {}, detail: { target: 'running' } });
    fake.emit('runs:progress', { runId: actionId ?? '', kind: 'bulk-status', state: 'running', done: 1, total: 2, counts: {}, detail: { target: 'paused' } });
    expect(store.getState().runningAction?.progress.done).toBe(1);

    answer.resolve([changed(north, 'paused'), changed(south, 'paused')]);
    await done;
    expect(store.getState().runningAction).toBeNull();
    expect(store.getState().lastAction?.label).toBe('Pause 2 campaigns');
  });

  it('clears the running mark when the change fails, and says why', async () => {
    const fake = createFakeConsole({ 'campaigns:snapshot': () => snapshot([north, south]) });
    const answer = deferred<StatusChangeResult[]>();
    fake.handle('campaigns:setStatus', () => answer.promise);
    const store = createCampaignsStore(fake.api);
    store.getState().start();
    await settle();

    const done = store.getState().setStatus(['c-1', 'c-2'], 'paused');
    await settle();
    expect(store.getState().runningAction).not.toBeNull();
    answer.reject(new FakeRefusal(consoleError('rate_limited', 'The tenant asked to slow down.')));
    await done;
    expect(store.getState().runningAction).toBeNull();
    expect(store.getState().actionError?.message).toBe('The tenant asked to slow down.');
    expect(store.getState().lastAction).toBeNull();
  });
});
