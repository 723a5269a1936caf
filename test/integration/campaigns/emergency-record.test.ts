import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adoptEmergencyRecord, createEmergencyRecord, emergencyRecordPath } from '../../../electron/campaigns/emergency-record';

const paused = (campaignId: string) => ({ campaignId, name: `Campaign ${campaignId}`, pausedAt: '2025-03-01T09:00:00.000Z', version: 3 });

describe('emergency record shared by the app and the command line', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cxone-emergency-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('names one file per tenant whatever the spelling of its base URL', () => {
    const path = emergencyRecordPath(dataDir, { apiBaseUrl: 'https://api.example.com/v2', clientId: 'ops' });
    for (const spelling of ['https://API.example.com/v2/', 'https://api.example.com:443/v2', ' https://api.example.com/v2// ', 'https://api.example.com/v2?x=1']) {
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
    expect(createEmergencyRecord(path).read().paused.map((entry) => entry.campaignId)).toEqual(['c-9']);

    createEmergencyRecord(legacy).write({ tenantId: null, paused: [], lastRun: null });
    adoptEmergencyRecord(legacy, path);
    expect(createEmergencyRecord(path).read().paused.map((entry) => entry.campaignId)).toEqual(['c-9']);
  });
});
