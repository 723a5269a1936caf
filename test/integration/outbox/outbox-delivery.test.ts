import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutbox, type Outbox, type OutboxOptions } from '../../../electron/outbox/outbox';
import { systemClock, type Clock } from '../../../electron/tenant/clock';
import { startSignedReceiver, type SignedReceiver } from './signed-receiver';

const secret = 'crm-webhook-secret-123';
const secrets = async (ref: string) => (ref === 'crm' ? secret : null);

const dispositionUpdate = (contactId: string) => ({
  event: 'DISPOSITION_UPDATE',
  source: 'cxone-console',
  data: { contactId, campaignId: 'c-1', outcomeCode: 'SALE', agentId: 'a-1', status: 'applied', latencyMs: 120, timestamp: '2025-03-01T09:00:00.000Z' },
});

/** A clock whose time only moves when the test says so; sleeps end only when woken. */
function manualClock(start = Date.parse('2025-03-01T09:00:00.000Z')): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    sleep: (_ms, signal) =>
      new Promise<void>((_resolve, reject) => {
        if (signal?.aborted) reject(signal.reason);
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
  };
}

describe('outbox delivery to a real receiver', () => {
  let dir: string;
  let receiver: SignedReceiver | undefined;
  const outboxes: Outbox[] = [];

  const open = async (change: Partial<OutboxOptions> = {}) => {
    const outbox = await createOutbox({ dir, resolveSecret: secrets, baseDelayMs: 5, maxDelayMs: 20, random: () => 0.5, timeoutMs: 2000, ...change });
    outboxes.push(outbox);
    return outbox;
  };

  const until = (outbox: Outbox, done: () => boolean) =>
    new Promise<void>((resolve) => {
      if (done()) return resolve();
      const off = outbox.onChange(() => {
        if (done()) {
          off();
          resolve();
        }
      });
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cxone-outbox-'));
  });

  afterEach(async () => {
    for (const outbox of outboxes.splice(0)) await outbox.stop();
    await receiver?.close();
    receiver = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers every message through 503s, 500s and dropped connections, each taken in exactly once', async () => {
    const failures = ['drop', { status: 503, headers: { 'retry-after': '0' } }, { status: 500 }] as const;
    receiver = await startSignedReceiver(secret, (_post, seen) => failures[seen] ?? { status: 200 });
    const outbox = await open();
    const ids: string[] = [];
    for (let index = 0; index < 6; index += 1) {
      ids.push((await outbox.enqueue({ channel: 'crm', url: receiver.url, secretRef: 'crm', body: dispositionUpdate(`k-${index}`) })).id);
    }
    await outbox.drain();
    expect(outbox.stats()).toEqual({ pending: 0, delivered: 6, dead: 0 });
    expect([...receiver.accepted.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(receiver.postsFor(id)).toBe(4);
    expect(receiver.received.every((post) => post.signatureValid)).toBe(true);
    const bodies = [...receiver.accepted.values()].map((body) => JSON.parse(body) as ReturnType<typeof dispositionUpdate>);
    expect(bodies.map((body) => body.data.contactId).sort()).toEqual(['k-0', 'k-1', 'k-2', 'k-3', 'k-4', 'k-5']);
    expect(outbox.list({ state: 'delivered' }).every((message) => message.attempts === 4)).toBe(true);
  });

  it('signs the exact raw body it sends', async () => {
    receiver = await startSignedReceiver(secret);
    const outbox = await open();
    const body = { event: 'campaign.created', campaignId: 'c-9', name: 'Ünïcode, "quoted"\nname', createdAt: '2025-03-01T09:00:00Z' };
    const { id } = await outbox.enqueue({ channel: 'marketing', url: receiver.url, secretRef: 'crm', body });
    await outbox.drain();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ idempotencyKey: id, signatureValid: true, body: JSON.stringify(body) });
  });

  it('delivers after a restart what was still pending, and does not resend what was delivered', async () => {
    let open503 = true;
    receiver = await startSignedReceiver(secret, (post) => (open503 && post.body.includes('"k-late') ? { status: 503 } : { status: 200 }));
    const first = await open({ baseDelayMs: 60_000, maxDelayMs: 60_000 });
    const early = await first.enqueue({ channel: 'crm', url: receiver.url, secretRef: 'crm', body: dispositionUpdate('k-early') });
    const late = await first.enqueue({ channel: 'crm', url: receiver.url, secretRef: 'crm', body: dispositionUpdate('k-late') });
    first.start();
    await until(first, () => first.list().every((message) => message.attempts >= 1));
    await first.stop();
    expect(first.stats()).toEqual({ pending: 1, delivered: 1, dead: 0 });

    open503 = false;
    // The restart happens after the stored retry time has passed.
    const second = await open({ clock: { now: () => Date.now() + 120_000, sleep: systemClock.sleep } });
    expect(second.list({ state: 'pending' }).map((message) => message.id)).toEqual([late.id]);
    await second.drain();
    expect(second.stats()).toEqual({ pending: 0, delivered: 2, dead: 0 });
    expect(receiver.postsFor(early.id)).toBe(1);
    expect(receiver.postsFor(late.id)).toBe(2);
    expect([...receiver.accepted.keys()].sort()).toEqual([early.id, late.id].sort());
  });

  it('keeps a message pending when stopped in the middle of its POST, then sends it again with the same key', async () => {
    receiver = await startSignedReceiver(secret, (_post, seen) => (seen === 0 ? 'hang' : { status: 200 }));
    const first = await open();
    const { id } = await first.enqueue({ channel: 'wfm', url: receiver.url, secretRef: 'crm', body: { eventType: 'CAMPAIGN_SCHEDULE_UPDATED' } });
    first.start();
    await expect.poll(() => receiver!.postsFor(id)).toBe(1);
    await first.stop();
    expect(first.list()[0]).toMatchObject({ state: 'pending', attempts: 0 });
    const second = await open();
    await second.drain();
    expect(receiver.postsFor(id)).toBe(2);
    expect(receiver.accepted.has(id)).toBe(true);
  });

  it('gives up at once on a 400 and keeps the message visible as dead with its error', async () => {
    receiver = await startSignedReceiver(secret, () => ({ status: 400 }));
    const outbox = await open();
    const { id } = await outbox.enqueue({ channel: 'crm', url: receiver.url, secretRef: 'crm', body: dispositionUpdate('k-1') });
    await outbox.drain();
    expect(receiver.postsFor(id)).toBe(1);
    expect(outbox.list({ state: 'dead' })).toEqual([
      expect.objectContaining({ id, attempts: 1, lastError: { status: 400, message: 'The receiver answered 400: refused 400' } }),
    ]);
  });

  it('declares a message dead after the maximum attempts, and delivers it when retried by hand', async () => {
    let healthy = false;
    receiver = await startSignedReceiver(secret, () => (healthy ? { status: 200 } : { status: 500 }));
    const outbox = await open({ maxAttempts: 3 });
    const { id } = await outbox.enqueue({ channel: 'crm', url: receiver.url, secretRef: 'crm', body: dispositionUpdate('k-1') });
    await outbox.drain();
    expect(outbox.list({ state: 'dead' })[0]).toMatchObject({ id, attempts: 3, lastError: { status: 500 } });
    expect(receiver.postsFor(id)).toBe(3);

    healthy = true;
    expect(await outbox.retryDead(id)).toBe(true);
    await outbox.drain();
    expect(outbox.stats()).toEqual({ pending: 0, delivered: 1, dead: 0 });
    expect(receiver.accepted.has(id)).toBe(true);
    expect(await outbox.retryDead(id)).toBe(false);
  });

  it('waits as long as a 429 Retry-After asks before trying again', async () => {
    receiver = await startSignedReceiver(secret, () => ({ status: 429, headers: { 'retry-after': '120' } }));
    const clock = manualClock();
    const outbox = await open({ clock });
    const { id } = await outbox.enqueue({ channel: 'crm', url: receiver.url, secretRef: 'crm', body: dispositionUpdate('k-1') });
    outbox.start();
    await until(outbox, () => outbox.list()[0]!.attempts === 1);
    expect(outbox.list()[0]).toMatchObject({ id, state: 'pending', nextAttemptAt: clock.now() + 120_000, lastError: { status: 429 } });
    expect(receiver.postsFor(id)).toBe(1);
  });

  it('retries a receiver that does not answer within the timeout', async () => {
    receiver = await startSignedReceiver(secret, (_post, seen) => (seen === 0 ? 'hang' : { status: 200 }));
    const outbox = await open({ timeoutMs: 300 });
    const { id } = await outbox.enqueue({ channel: 'crm', url: receiver.url, secretRef: 'crm', body: dispositionUpdate('k-1') });
    await outbox.drain();
    expect(outbox.list()[0]).toMatchObject({ state: 'delivered', attempts: 2 });
    expect(receiver.postsFor(id)).toBe(2);
  });

  it('never writes the signing secret to disk', async () => {
    receiver = await startSignedReceiver(secret);
    const outbox = await open();
    await outbox.enqueue({ channel: 'crm', url: receiver.url, secretRef: 'crm', body: dispositionUpdate('k-1') });
    await outbox.drain();
    const files = readdirSync(join(dir, 'messages'));
    expect(files).toHaveLength(1);
    for (const name of files) expect(readFileSync(join(dir, 'messages', name), 'utf8')).not.toContain(secret);
  });

  it('keeps retrying, with a clear error, while the secret is not set', async () => {
    receiver = await startSignedReceiver(secret);
    const outbox = await open({ maxAttempts: 2 });
    await outbox.enqueue({ channel: 'crm', url: receiver.url, secretRef: 'missing', body: dispositionUpdate('k-1') });
    await outbox.drain();
    expect(receiver.received).toHaveLength(0);
    expect(outbox.list()[0]).toMatchObject({ state: 'dead', attempts: 2, lastError: { message: expect.stringContaining('"missing" is not set') } });
  });
});
