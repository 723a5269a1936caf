import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adoptEmergencyRecord, createEmergencyRecord, emergencyRecordPath } from '../../../electron/campaigns/emergency-record';
import { describeStorageProblem } from '../../../electron/campaigns/storage-problem';

const paused = (campaignId: string) => ({ campaignId, name: `Campaign ${campaignId}`, pausedAt: '2025-03-01T09:00:00.000Z', version: 3 });

describe('emergency record shared by the app and the command line', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cxone-emergency-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('names one file per tenant whatever the spelling of its base URL', () => {
    const path = emergencyRecordPath(dataDir, { apiBaseUrl: 'https://api.example.com/v2', clientId: 'ops' });
    for (const spelling of [
      'https://API.example.com/v2/',
      'https://api.example.com:443/v2',
      ' https://api.example.com/v2// ',
      'https://api.example.com/v2?x=1',
    ]) {
      expect(emergencyRecordPath(dataDir, { apiBaseUrl: spelling, clientId: ' ops ' }), spelling).toBe(path);
    }
    expect(dirname(path)).toBe(join(dataDir, 'emergency'));
    expect(basename(path)).toMatch(/^api\.example\.com-[0-9a-f]{24}\.json$/);
  });

  it('names a different file for another client id, host, port or path', () => {
    const path = emergencyRecordPath(dataDir, { apiBaseUrl: 'https://api.example.com', clientId: 'ops' });
    for (const other of [
      { apiBaseUrl: 'https://api.example.com', clientId: 'ops2' },
      { apiBaseUrl: 'https://api2.example.com', clientId: 'ops' },
      { apiBaseUrl: 'https://api.example.com:8443', clientId: 'ops' },
      { apiBaseUrl: 'https://api.example.com/eu', clientId: 'ops' },
    ]) {
      expect(emergencyRecordPath(dataDir, other)).not.toBe(path);
    }
  });

  it('keeps the file name safe for any base URL', () => {
    expect(basename(emergencyRecordPath(dataDir, { apiBaseUrl: 'not a url/../..', clientId: 'x' }))).toMatch(/^[A-Za-z0-9._-]+\.json$/);
    expect(basename(emergencyRecordPath(dataDir, { apiBaseUrl: 'http://[::1]:8080', clientId: 'x' }))).toMatch(/^[A-Za-z0-9._-]+\.json$/);
  });

  it('sees what another process wrote since it last read', () => {
    const path = emergencyRecordPath(dataDir, { apiBaseUrl: 'https://api.example.com', clientId: 'ops' });
    const app = createEmergencyRecord(path);
    const cli = createEmergencyRecord(path);
    expect(app.read().paused).toEqual([]);
    cli.write({ tenantId: null, paused: [paused('c-1')], lastRun: null });
    expect(app.read().paused.map((entry) => entry.campaignId)).toEqual(['c-1']);
    app.write({ ...app.read(), paused: [] });
    expect(cli.read().paused).toEqual([]);
  });

  it('takes over a record kept under the old per-profile name, never over a newer one', () => {
    const legacy = join(dataDir, 'emergency', 'profile-1.json');
    const path = emergencyRecordPath(dataDir, { apiBaseUrl: 'https://api.example.com', clientId: 'ops' });
    createEmergencyRecord(legacy).write({ tenantId: null, paused: [paused('c-9')], lastRun: null });
    adoptEmergencyRecord(legacy, path);
    expect(existsSync(legacy)).toBe(false);
    expect(
      createEmergencyRecord(path)
        .read()
        .paused.map((entry) => entry.campaignId),
    ).toEqual(['c-9']);

    createEmergencyRecord(legacy).write({ tenantId: null, paused: [], lastRun: null });
    adoptEmergencyRecord(legacy, path);
    expect(
      createEmergencyRecord(path)
        .read()
        .paused.map((entry) => entry.campaignId),
    ).toEqual(['c-9']);
  });

  const damaged = (text: string) => {
    const path = emergencyRecordPath(dataDir, { apiBaseUrl: 'https://api.example.com', clientId: 'ops' });
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return path;
  };

  it('keeps every campaign of a record whose versions are null', () => {
    const entries = Array.from({ length: 36 }, (_, i) => ({ ...paused(`c-${i + 1}`), version: null }));
    const path = damaged(JSON.stringify({ tenantId: null, paused: entries, lastRun: null }));
    expect(createEmergencyRecord(path).read().paused).toEqual(entries);
  });

  it('moves a record that does not fit the schema aside, never overwrites it, and keeps every campaign it names', () => {
    const entries = Array.from({ length: 36 }, (_, i) => ({ ...paused(`c-${i + 1}`), version: 'seven' }));
    const text = JSON.stringify({ tenantId: null, paused: entries, lastRun: 'not a run' });
    const path = damaged(text);
    const record = createEmergencyRecord(path);
    const data = record.read();
    expect(data.paused.map((entry) => entry.campaignId)).toEqual(entries.map((entry) => entry.campaignId));
    expect(data.paused.every((entry) => entry.version === null && entry.name.startsWith('Campaign'))).toBe(true);
    expect(data.recovered).toMatchObject({ copy: `${path}.corrupt`, campaigns: 36 });
    expect(readFileSync(`${path}.corrupt`, 'utf8')).toBe(text);
    record.write({ ...data, paused: [] });
    expect(readFileSync(`${path}.corrupt`, 'utf8')).toBe(text);
    // Another process opening the record sees the recovery too.
    expect(createEmergencyRecord(path).read().recovered?.copy).toBe(`${path}.corrupt`);
  });

  it('recovers the campaign ids even from text that is not JSON, and never reuses a copy name', () => {
    const garbage = '{"tenantId":null,"paused":[{"campaignId":"c-7","name":"Seven"},{"campaignId":"c-8",\u0000\u0000 garbage';
    const path = damaged(garbage);
    expect(
      createEmergencyRecord(path)
        .read()
        .paused.map((entry) => entry.campaignId),
    ).toEqual(['c-7', 'c-8']);
    writeFileSync(path, 'nothing useful at all');
    const second = createEmergencyRecord(path).read();
    expect(second.recovered).toMatchObject({ copy: `${path}.2.corrupt`, campaigns: 0 });
    expect(readFileSync(`${path}.corrupt`, 'utf8')).toBe(garbage);
    expect(readdirSync(dirname(path)).filter((name) => name.endsWith('.corrupt'))).toHaveLength(2);
  });

  it('says a read-only or full data folder is one, whatever the writer called it', () => {
    const coded = (code: string) => Object.assign(new Error(`${code}: failed, open '/data/x'`), { code });
    expect(describeStorageProblem(coded('EACCES'), '/data')).toContain('is not writable');
    expect(describeStorageProblem(coded('EROFS'), '/data')).toContain('read-only file system');
    expect(describeStorageProblem(coded('ENOSPC'), '/data')).toContain('is full');
    const wrapped = new Error(
      "The audit log is locked by another process and did not become free in /data/audit: EACCES: permission denied, mkdir '/data/audit/audit.lock'",
    );
    const sentence = describeStorageProblem(wrapped, '/data/audit');
    expect(sentence).toContain('not writable');
    expect(sentence).not.toContain('locked by another process');
  });
});
