import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNotifications } from '../../../electron/outbox/notifications';
import { createOutbox, type OutboxChange } from '../../../electron/outbox/outbox';
import { ConsoleFailure } from '../../../shared/errors';

const resolveSecret = async () => 'secret';
const request = (change: Record<string, unknown> = {}) => ({
  channel: 'marketing' as const,
  url: 'http://127.0.0.1:9/hooks',
  secretRef: 'marketing',
  body: { event: 'campaign.created', campaignId: 'c-1', name: 'Spring', createdAt: '2025-03-01T09:00:00Z' },
  ...change,
});

describe('outbox queue (not started)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cxone-outbox-unit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('has the message on disk, pending, once enqueue resolves, and finds it again after a restart', async () => {
    const outbox = await createOutbox({ dir, resolveSecret });
    const { id } = await outbox.enqueue(request());
    const stored = JSON.parse(readFileSync(join(dir, 'messages', `${id}.json`), 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ id, state: 'pending', attempts: 0, secretRef: 'marketing', body: JSON.stringify(request().body) });
    const again = await createOutbox({ dir, resolveSecret });
    expect(again.stats()).toEqual({ pending: 1, delivered: 0, dead: 0 });
    expect(again.list()[0]?.id).toBe(id);
  });

  it('keeps one message per dedupe key, also across restarts and concurrent calls', async () => {
    const outbox = await createOutbox({ dir, resolveSecret });
    const [a, b] = await Promise.all([outbox.enqueue(request({ dedupeKey: 'import-7:row-12' })), outbox.enqueue(request({ dedupeKey: 'import-7:row-12' }))]);
    expect(a?.id).toBe(b?.id);
    expect([a?.duplicate, b?.duplicate].sort()).toEqual([false, true]);
    const restarted = await createOutbox({ dir, resolveSecret });
    expect(await restarted.enqueue(request({ dedupeKey: 'import-7:row-12' }))).toEqual({ id: a?.id, duplicate: true });
    expect((await restarted.enqueue(request({ dedupeKey: 'import-7:row-13' }))).duplicate).toBe(false);
    expect(restarted.stats().pending).toBe(2);
  });

  it('refuses a URL that is not http(s) and a body that is not JSON', async () => {
    const outbox = await createOutbox({ dir, resolveSecret });
    await expect(outbox.enqueue(request({ url: 'file:///etc/passwd' }))).rejects.toBeInstanceOf(ConsoleFailure);
    await expect(outbox.enqueue(request({ body: undefined }))).rejects.toThrow(/no JSON body/);
    expect(outbox.stats().pending).toBe(0);
  });

  it('announces each new message to subscribers', async () => {
    const outbox = await createOutbox({ dir, resolveSecret });
    const changes: OutboxChange[] = [];
    outbox.onChange((change) => changes.push(change));
    const { id } = await outbox.enqueue(request());
    expect(changes).toEqual([
      expect.objectContaining({ message: expect.objectContaining({ id, state: 'pending' }), stats: { pending: 1, delivered: 0, dead: 0 } }),
    ]);
  });

  it('sets aside an unreadable message file instead of failing to start', async () => {
    const outbox = await createOutbox({ dir, resolveSecret });
    await outbox.enqueue(request());
    writeFileSync(join(dir, 'messages', 'crm-broken.json'), '{"id":');
    writeFileSync(join(dir, 'messages', 'crm-x.json.123.tmp'), 'half');
    const again = await createOutbox({ dir, resolveSecret });
    expect(again.stats().pending).toBe(1);
    expect(again.quarantined()).toEqual(['crm-broken.json']);
    const names = readdirSync(join(dir, 'messages'));
    expect(names).toHaveLength(2);
    expect(names).toEqual(expect.arrayContaining(['crm-broken.json.corrupt', expect.stringMatching(/^marketing-.*\.json$/)]));
  });

  it('forgets delivered messages older than the keep period at start', async () => {
    const outbox = await createOutbox({ dir, resolveSecret });
    const { id } = await outbox.enqueue(request());
    const path = join(dir, 'messages', `${id}.json`);
    const stored = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(path, JSON.stringify({ ...stored, state: 'delivered', deliveredAt: '2020-01-01T00:00:00.000Z' }));
    const again = await createOutbox({ dir, resolveSecret, keepDeliveredMs: 24 * 60 * 60 * 1000 });
    expect(again.stats()).toEqual({ pending: 0, delivered: 0, dead: 0 });
    expect(readdirSync(join(dir, 'messages'))).toEqual([]);
  });
});

describe('notifications over the outbox', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cxone-notifications-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('routes each notification to its channel target and refuses a channel without a URL', async () => {
    const outbox = await createOutbox({ dir, resolveSecret });
    const notifications = createNotifications(outbox, (channel) =>
      channel === 'marketing' ? { url: 'https://marketing.example/hooks', secretRef: 'marketing' } : null,
    );
    const body = { event: 'campaign.created' as const, campaignId: 'c-1', name: 'Spring', createdAt: '2025-03-01T09:00:00Z' };
    const first = await notifications.enqueueCampaignCreated(body);
    expect((await notifications.enqueueCampaignCreated(body)).id).toBe(first.id);
    expect(outbox.list()).toEqual([expect.objectContaining({ channel: 'marketing', url: 'https://marketing.example/hooks', secretRef: 'marketing' })]);
    expect(notifications.enabled('crm')).toBe(false);
    await expect(
      notifications.enqueueDispositionUpdate(
        {
          event: 'DISPOSITION_UPDATE',
          source: 'cxone-console',
          data: { contactId: 'k', campaignId: 'c', outcomeCode: 'SALE', agentId: 'a', status: 'applied', latencyMs: 1, timestamp: 't' },
        },
        'job-1 row 2',
      ),
    ).rejects.toThrow(/No crm webhook URL/);
  });
});
