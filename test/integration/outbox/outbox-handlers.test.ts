import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consoleSettingsSchema } from '../../../shared/settings/console-settings';
import { createOutbox, type Outbox } from '../../../electron/outbox/outbox';
import { createOutboxHandlers } from '../../../electron/outbox/outbox-handlers';
import { webhookSecretRefs } from '../../../electron/outbox/webhook-secrets';
import { createFileVault } from '../../../electron/vault/file-vault';
import { startSignedReceiver, type SignedReceiver } from './signed-receiver';

describe('the Settings notification panel handlers', () => {
  let dir: string;
  let outbox: Outbox;
  let receiver: SignedReceiver | undefined;
  const vault = () => createFileVault(join(dir, 'vault.json'));
  const settings = consoleSettingsSchema.parse({ crmWebhookUrl: 'http://127.0.0.1:9/crm' });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxone-outbox-handlers-'));
    const secrets = vault();
    outbox = await createOutbox({ dir: join(dir, 'outbox'), resolveSecret: (ref) => secrets.get(ref), maxAttempts: 1, baseDelayMs: 5, timeoutMs: 2000 });
  });

  afterEach(async () => {
    await outbox.stop();
    await receiver?.close();
    receiver = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a signing secret in the vault and only ever answers whether it is set', async () => {
    const handlers = createOutboxHandlers({ outbox, vault: vault(), settings: () => settings });
    const before = await handlers['outbox:status']({});
    expect(before.webhooks.find((w) => w.channel === 'crm')).toEqual({ channel: 'crm', urlConfigured: true, secretConfigured: false });
    expect(before.webhooks.find((w) => w.channel === 'wfm')?.urlConfigured).toBe(false);

    const after = await handlers['outbox:setSecret']({ channel: 'crm', secret: 'crm-secret-12345' });
    expect(after.webhooks.find((w) => w.channel === 'crm')?.secretConfigured).toBe(true);
    expect(JSON.stringify(after)).not.toContain('crm-secret-12345');
    expect(await vault().get(webhookSecretRefs.crm)).toBe('crm-secret-12345');

    const removed = await handlers['outbox:setSecret']({ channel: 'crm', secret: null });
    expect(removed.webhooks.find((w) => w.channel === 'crm')?.secretConfigured).toBe(false);
    expect(readFileSync(join(dir, 'vault.json'), 'utf8')).not.toContain('crm-secret-12345');
  });

  it('lists a message that ran out of attempts with its error, and sends it again on request', async () => {
    let fail = true;
    receiver = await startSignedReceiver('crm-secret-12345', () => (fail ? { status: 500 } : { status: 200 }));
    const handlers = createOutboxHandlers({ outbox, vault: vault(), settings: () => settings });
    await handlers['outbox:setSecret']({ channel: 'crm', secret: 'crm-secret-12345' });
    await outbox.enqueue({ channel: 'crm', url: receiver.url, secretRef: webhookSecretRefs.crm, body: { event: 'DISPOSITION_UPDATE' } });
    await outbox.drain();

    const status = await handlers['outbox:status']({});
    expect(status.stats.dead).toBe(1);
    expect(status.undeliverable).toHaveLength(1);
    expect(status.undeliverable[0]?.lastError).toContain('500');

    fail = false;
    expect(await handlers['outbox:retryDead']({ id: status.undeliverable[0]!.id })).toEqual({ retried: true });
    await outbox.drain();
    const healed = await handlers['outbox:status']({});
    expect(healed.stats).toMatchObject({ dead: 0, delivered: 1 });
    expect(receiver.received.every((post) => post.signatureValid)).toBe(true);
    expect(await handlers['outbox:retryDead']({ id: 'no-such-message' })).toEqual({ retried: false });
  });
});
