import { describe, expect, it } from 'vitest';
import { createAuditStore } from '../../../renderer/features/audit/audit-store';
import { createCampaignAuditStore } from '../../../renderer/features/campaigns/campaign-audit-store';
import type { AuditEntry } from '../../../shared/audit/audit-entry';
import { consoleError } from '../../../shared/errors';
import type { AuditPage } from '../../../shared/audit/audit-page';
import { createFakeConsole, deferred, FakeRefusal, settle } from './fake-console';
import { auditEntry, campaign, snapshot } from './fixtures';

const page = (entries: AuditEntry[]) => ({ entries, nextCursor: null, hasMore: false });

describe('audit store', () => {
  it('loads the log on start, then adds only the live entries its filters match', async () => {
    const fake = createFakeConsole({
      'campaigns:snapshot': () => snapshot([campaign('c-1')]),
      'audit:query': ({ campaignId }) => page(campaignId === 'c-1' ? [auditEntry(3, 'c-1')] : [auditEntry(4, 'c-2'), auditEntry(3, 'c-1')]),
    });
    const store = createAuditStore(fake.api);
    const stop = store.getState().start();
    await settle();
    expect(store.getState().entries.map((entry) => entry.seq)).toEqual([4, 3]);
    expect(store.getState().knownCampaigns).toEqual([['c-1', 'Campaign c-1']]);

    store.getState().setForm({ campaignId: 'c-1' });
    await settle();
    expect(store.getState().entries.map((entry) => entry.seq)).toEqual([3]);
    fake.emit('audit:appended', auditEntry(5, 'c-2'));
    fake.emit('audit:appended', auditEntry(6, 'c-1'));
    expect(store.getState().entries.map((entry) => entry.seq)).toEqual([6, 3]);
    stop();
    expect(fake.listenerCount()).toBe(0);
  });

  it('shows one campaign: filters at once when on screen, and otherwise loads with that filter when the screen opens', async () => {
    const fake = createFakeConsole({ 'campaigns:snapshot': () => snapshot([]), 'audit:query': () => page([]) });
    const store = createAuditStore(fake.api);

    store.getState().showCampaign('c-7');
    await settle();
    expect(fake.requests('audit:query')).toEqual([]);
    expect(store.getState().form.campaignId).toBe('c-7');

    const stop = store.getState().start();
    await settle();
    expect(fake.requests('audit:query').map((query) => query.campaignId)).toEqual(['c-7']);

    store.getState().showCampaign('c-8');
    await settle();
    expect(fake.requests('audit:query').map((query) => query.campaignId)).toEqual(['c-7', 'c-8']);
    stop();
  });
});

describe('campaign audit trail store', () => {
  it('keeps the newest entries of the watched campaign only, and stops listening when the drawer closes', async () => {
    const fake = createFakeConsole({ 'audit:query': ({ campaignId }) => page([auditEntry(2, campaignId ?? ''), auditEntry(1, campaignId ?? '')]) });
    const store = createCampaignAuditStore(fake.api);
    const stop = store.getState().watch('c-1', 2);
    expect(store.getState().loading).toBe(true);
    await settle();
    expect(store.getState()).toMatchObject({ campaignId: 'c-1', loading: false, error: null });

    fake.emit('audit:appended', auditEntry(3, 'c-2'));
    fake.emit('audit:appended', auditEntry(4, 'c-1'));
    expect(store.getState().entries.map((entry) => entry.seq)).toEqual([4, 2]);

    stop();
    expect(fake.listenerCount()).toBe(0);
  });

  it('ignores the answer for a campaign the drawer has already left', async () => {
    const firstAnswer = deferred<AuditPage>();
    const fake = createFakeConsole({
      'audit:query': ({ campaignId }) => (campaignId === 'c-1' ? firstAnswer.promise : page([auditEntry(9, campaignId ?? '')])),
    });
    const store = createCampaignAuditStore(fake.api);
    const stopFirst = store.getState().watch('c-1', 10);
    stopFirst();
    store.getState().watch('c-2', 10);
    await settle();
    firstAnswer.reject(new FakeRefusal(consoleError('internal', 'The audit log could not be read.')));
    await settle();
    expect(store.getState()).toMatchObject({ campaignId: 'c-2', error: null, loading: false });
    expect(store.getState().entries.map((entry) => entry.seq)).toEqual([9]);
  });
});
