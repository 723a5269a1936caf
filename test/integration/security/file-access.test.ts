import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServices, type ServicesUnderTest } from './security-support';

const csv = 'campaign_id,contact_id,outcome_code,agent_id,disposition_timestamp,notes\nc-1,k-1,NO_ANSWER,a-1,2026-11-20T15:00:00Z,\n';

describe('the renderer names files only through what the lead chose', () => {
  let outside: string;
  let goodFile: string;
  beforeAll(() => {
    outside = mkdtempSync(join(tmpdir(), 'cxone-outside-'));
    goodFile = join(outside, 'calls.csv');
    writeFileSync(goodFile, csv);
  });
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  let subject: ServicesUnderTest | null = null;
  afterEach(async () => {
    await subject?.close();
    subject = null;
  });

  const refusal = async (payload: unknown) => {
    const reply = await subject!.call('dispositions:open', payload);
    expect(reply.ok, JSON.stringify(payload)).toBe(false);
    if (reply.ok) throw new Error('opened');
    expect(JSON.stringify(reply.error)).not.toContain('campaign_id');
    return reply.error;
  };

  it('browser mode: the secrets store, the settings, the audit log and /etc/passwd are refused, and nothing of them comes back', async () => {
    subject = await startServices();
    // Something secret in the vault and the settings, so a leak would show.
    await subject.call('outbox:setSecret', { channel: 'crm', secret: 'signing-secret-value-1' });
    await subject.call('settings:update', { crmWebhookUrl: 'https://crm.example/hook' });
    const auditFile = join(subject.dataDir, 'audit', readdirSync(join(subject.dataDir, 'audit')).find((name) => name.endsWith('.jsonl')) ?? 'missing');
    const targets = [join(subject.dataDir, 'secrets.json'), join(subject.dataDir, 'settings.json'), auditFile, '/etc/passwd'];
    for (const path of targets) expect(existsSync(path), path).toBe(true);
    for (const path of targets) {
      const error = await refusal({ path, confirmed: true });
      expect(JSON.stringify(error)).not.toContain('signing-secret-value-1');
      expect(JSON.stringify(error)).not.toContain('root:');
    }
    expect((await refusal({ path: join(subject.dataDir, 'secrets.json'), confirmed: true })).message).toMatch(/data folder/);
    expect((await refusal({ path: '/etc/passwd', confirmed: true })).message).toMatch(/\.csv, \.tsv or \.txt/);
  });

  it('browser mode: a csv inside the data folder, a link into it, a relative path and an unconfirmed path are refused', async () => {
    subject = await startServices();
    const inData = join(subject.dataDir, 'copied.csv');
    writeFileSync(inData, csv);
    const link = join(outside, 'innocent.csv');
    rmSync(link, { force: true });
    symlinkSync(inData, link);
    expect((await refusal({ path: inData, confirmed: true })).message).toMatch(/data folder/);
    expect((await refusal({ path: link, confirmed: true })).message).toMatch(/data folder/);
    expect((await refusal({ path: 'calls.csv', confirmed: true })).message).toMatch(/full path/);
    expect((await refusal({ path: goodFile })).kind).toBe('validation');
    expect((await refusal({ fileId: 'invented-by-the-renderer' })).kind).toBe('not_found');
    expect((await subject.call('dispositions:pickFile', {})).ok).toBe(false);
  });

  it('browser mode: a confirmed path outside the data folder opens; the demo sample opens by the id main gave', async () => {
    subject = await startServices();
    expect(await subject.call('dispositions:open', { path: goodFile, confirmed: true })).toMatchObject({ ok: true, value: { fileName: 'calls.csv' } });
    const sample = await subject.call('dispositions:demoSample', {});
    expect(sample.ok).toBe(true);
    if (!sample.ok) return;
    const { fileId } = sample.value as { fileId: string };
    expect(await subject.call('dispositions:open', { fileId })).toMatchObject({ ok: true });
    // An id is good for one open only.
    expect((await refusal({ fileId })).kind).toBe('not_found');
  });

  it('uploads over IPC: 1e15 bytes is refused by the size setting, and 2,000 begins leave a handful open', async () => {
    subject = await startServices();
    const huge = await subject.call('dispositions:uploadBegin', { fileName: 'huge.csv', sizeBytes: 1e15 });
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.error.message).toMatch(/maxUploadBytes/);
    let accepted = 0;
    for (let i = 0; i < 2000; i += 1) if ((await subject.call('dispositions:uploadBegin', { fileName: `f-${i}.csv`, sizeBytes: 10 })).ok) accepted += 1;
    expect(accepted).toBe(4);
    expect(readdirSync(join(subject.dataDir, 'dispositions', 'uploads'))).toHaveLength(4);
  });

  it('desktop app: a typed path is refused; a file picked in the dialog opens by id, but not one in the data folder', async () => {
    let next: string | null = goodFile;
    subject = await startServices({ shell: 'electron', pickFile: async () => next });
    expect((await refusal({ path: goodFile, confirmed: true })).message).toMatch(/Choose file/);
    const picked = await subject.call('dispositions:pickFile', {});
    expect(picked).toMatchObject({ ok: true, value: { fileName: 'calls.csv' } });
    if (!picked.ok || !picked.value) return;
    expect(await subject.call('dispositions:open', { fileId: (picked.value as { fileId: string }).fileId })).toMatchObject({ ok: true });
    next = join(subject.dataDir, 'secrets.json');
    const refused = await subject.call('dispositions:pickFile', {});
    expect(refused.ok).toBe(false);
    next = null;
    expect(await subject.call('dispositions:pickFile', {})).toEqual({ ok: true, value: null });
  });
});
